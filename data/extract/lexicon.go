package extract

import "strings"

// The word lists the extractor reads names, titles and speech with. They
// are facts of English usage in news writing, kept as plain space-separated
// lists and turned into sets once.

// set is a set of lower-case words.
type set map[string]bool

func toSet(lists ...string) set {
	m := set{}
	for _, s := range lists {
		for _, w := range strings.Fields(s) {
			m[w] = true
		}
	}
	return m
}

// has reports whether the lower-case form of w is in the set; a curly
// apostrophe counts as a straight one.
func (s set) has(w string) bool {
	w = strings.ToLower(w)
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return s[w]
}

// speechVerbs are verbs that report what someone said or wrote, in the
// forms that follow a subject ("Pence said") or come before an inverted one
// ("said Pence").
var speechVerbs = toSet(`said says say told tells tell added adds wrote writes tweeted tweets posted posts
	stated states noted notes explained explains argued argues warned warns insisted insists declared declares
	continued continues replied replies responded responds remarked remarks acknowledged acknowledges admitted
	admits claimed claims recalled recalls predicted predicts cautioned cautions emphasized emphasizes emphasised
	stressed stresses observed observes concluded concludes announced announces countered counters conceded
	concedes suggested suggests maintained maintains asked asks shouted shouts yelled yells screamed gushed gushes
	joked jokes quipped quips laughed boasted boasts bragged brags complained complains lamented laments mused
	muses sighed vowed vows promised promises pledged pledges urged urges demanded demands charged charges alleged
	alleges contended contends asserted asserts affirmed affirms confirmed confirms denied denies retorted retorts
	snapped testified testifies wondered wonders accused accuses agreed agrees objected objects protested protests pleaded pleads
	reiterated reiterates repeated repeats underscored underscores mentioned mentions proclaimed proclaims
	exclaimed whispered murmured cried roared thundered hinted hints teased texted emailed e-mailed messaged blogged
	commented comments opined reasoned surmised recounted recounts offered offers volunteered chided chides scoffed
	scoffs quoted explains reported reports disclosed revealed reveals assured assures reminded reminds
	acknowledged predicted threatened threatens blasted blasts slammed slams fumed raged grumbled griped
	chimed shot fired went wrote reads read answered answers replied interjected conceded advised advises
	informed informs briefed pointed summed put beamed barked scolded scolds sneered chirped cheered gasped
	marveled marvelled raved raves ranted rants railed rails pleaded begged bellowed hollered howled groaned
	conceded cracked grumbled mumbled muttered stammered stuttered sputtered trumpeted touted touts crowed
	needled teased taunted taunts mocked mocks jabbed ribbed vented seethed huffed puffed rejoined clarified
	clarifies elaborated elaborates summarized summarised acknowledged interjected interjects interrupted
	tweeted retweeted retaliated exhorted exhorts projects projected estimates estimated calculates calculated believes believed
	thinks thought expects expected fears feared worries worried hopes hoped feels felt knows knew pressed
	presses remembered reacted reacts reflected reflects concurred concurs`)

// particleSpeech are verbs that report speech only with a particle after
// them: "fired back", "went on", "pointed out".
var particleSpeech = map[string]string{"fired": "back", "shot": "back", "went": "on", "pointed": "out",
	"chimed": "in", "summed": "up", "put": "it", "read": "", "reads": ""}

// speechNouns are nouns that carry someone's words: "X's statement read",
// "in a statement".
var speechNouns = toSet(`statement statements tweet tweets post letter memo email e-mail message release
	remarks speech interview testimony transcript note op-ed essay column filing complaint lawsuit report slogan
	motto ad advertisement sign banner headline caption website site page account survey poll study book paper
	document documents filing release announcement video ruling order decision editorial brief affidavit petition
	indictment manifesto memoir pamphlet leaflet flier flyer newsletter blog podcast pitch response reply answer`)

// documentNouns are papers whose words may be quoted besides speechNouns:
// "a plea bargain that said …".
var documentNouns = toSet(`bargain deal agreement contract plea charges papers records law bill resolution
	treaty accord settlement verdict judgment judgement warrant subpoena`)

// participleSpeech are the -ing forms that attach a quote to the subject of
// the sentence: "Trump attacked Clinton, saying “…”".
var participleSpeech = toSet(`saying adding writing telling noting arguing warning insisting declaring
	explaining calling describing asking claiming tweeting stating suggesting recalling joking quipping
	promising vowing urging complaining responding replying pointing continuing concluding acknowledging
	admitting stressing emphasizing announcing predicting boasting lamenting charging alleging`)

// namingVerbs report a word or phrase someone used for something: "Trump
// called the deal “a disaster”".
var namingVerbs = toSet(`called calls dubbed dubs labeled labelled labels termed terms branded brands described
	describes deemed deems characterized characterised characterizes nicknamed describe label dub characterize`)

// speechAdverbs may stand between a subject and its speech verb: "he later
// said", "Trump also told".
var speechAdverbs = toSet(`also later then again previously recently once repeatedly quickly finally simply
	bluntly flatly frankly openly publicly privately angrily calmly quietly loudly proudly firmly sharply
	jokingly sarcastically emotionally tearfully reportedly allegedly apparently has have had was is would will
	could can may might did does do just even still often since never always earlier famously memorably
	separately further additionally subsequently afterwards afterward only`)

// titleWords are words of the job titles and roles written before a name,
// capitalised or not: "vice presidential candidate Mike Pence",
// "National Security Council Spokesman John Kirby".
var titleWords = toSet(`spokesman spokeswoman spokesperson spokespeople president vice minister secretary senator
	sen. sen director chairman chairwoman chair ambassador general gen. gen officer chief governor gov. gov mayor
	rep. rep representative congressman congresswoman councillor councilor councilman councilwoman assemblyman
	assemblywoman delegate dr. dr professor prof. prof commissioner ceo cfo coo cto head leader adviser advisor
	analyst official librarian biologist scientist economist researcher historian lawyer attorney engineer
	commander coordinator envoy sergeant sgt. sgt colonel col. col lieutenant lt. lt captain capt. capt admiral
	adm. adm major maj. judge justice prosecutor inspector detective superintendent sheriff deputy marshal chancellor
	premier king queen prince princess pope cardinal bishop archbishop rabbi imam reverend rev. rev pastor father
	sister brother executive manager founder co-founder cofounder partner owner publisher editor reporter
	correspondent columnist anchor host commentator pundit strategist pollster consultant operative aide staffer
	nominee candidate contender front-runner frontrunner challenger incumbent hopeful runner-up running mate
	speaker whip treasurer comptroller auditor clerk registrar counsel solicitor barrister magistrate
	ombudsman administrator regulator trustee dean provost principal teacher student doctor nurse surgeon
	atty. atty asst. asst dep. amb. amb brig. brig cpl. cpl pvt. pvt det. insp. insp supt. supt mp mep mla msp mpp mk
	physician psychologist psychiatrist epidemiologist virologist expert specialist activist organizer organiser
	campaigner advocate lobbyist fellow scholar author writer novelist poet artist actor actress singer musician
	comedian filmmaker director producer coach player captain quarterback pitcher manager trainer chef farmer
	fisherman resident voter supporter protester protestor demonstrator witness survivor victim mother father
	son daughter wife husband widow widower brother sister uncle aunt grandson granddaughter grandmother
	grandfather cousin nephew niece boyfriend girlfriend fiancé fiancée businessman businesswoman billionaire
	millionaire tycoon mogul magnate entrepreneur investor banker trader broker developer landlord tenant
	worker employee officer trooper soldier sailor marine pilot firefighter paramedic agent operative diplomat
	negotiator mediator observer monitor inspector investigator official officials member members chairperson
	secretary-general undersecretary under-secretary assistant associate senior junior principal acting interim
	former ex- then-presidential emeritus retired late first lady gentleman deputy press communications campaign
	chief-of-staff staff presidential vice-presidential gubernatorial senatorial mayoral congressional
	parliamentary republican democratic democrat gop independent libertarian conservative liberal labour labor
	tory green party majority minority house senate state federal national foreign defense defence interior
	justice treasury homeland security intelligence military army navy air force marine corps police fire
	health education energy commerce trade transportation agriculture finance economic economy public affairs
	communications communication strategic policy political legal general white council department ministry
	agency office bureau committee commission authority service board court district county city town regional
	local provincial international global prime cllr cllr. councillor presenter headteacher headmaster
	headmistress principal chaplain curator archivist coroner paramedic midwife foreman steward warden
	counterpart`)

// portfolioWords are words of ministers' and officials' portfolios that
// the title words do not already hold: "Minister of Information",
// "Minister of Planning and Development Cooperation".
var portfolioWords = toSet(`information planning development cooperation culture tourism environment water
	resources works housing employment industry industries mines mining petroleum oil gas power electricity
	fisheries forestry land lands transport communications technology science sport sports youth women family
	social welfare solidarity immigration migration home internal external relations investment budget
	religious endowments displacement reconstruction heritage antiquities aviation maritime ports shipping
	highways roads irrigation food livestock rural urban municipal municipalities digital innovation research
	higher media broadcasting telecommunications equality human rights constitutional administrative reform
	statistics revenue customs culture arts tourism mass united kingdom arab emirates republic kingdom
	parliament assembly people's peoples central reserve monetary england east west north south expatriates
	emigrants diaspora team unit division task`)

// titleModifiers are words of titles that modify a role rather than name
// one: "state", "finance", "federal" alone describe no one.
var titleModifiers = toSet(`vice former ex- then-presidential emeritus retired late first deputy press
	communications campaign presidential vice-presidential gubernatorial senatorial mayoral congressional
	parliamentary republican democratic democrat gop independent libertarian conservative liberal labour labor
	tory green party majority minority house senate state federal national foreign defense defence interior
	justice treasury homeland security intelligence military army navy air force marine corps police fire
	health education energy commerce trade transportation agriculture finance economic economy public affairs
	communication strategic policy political legal general white council department ministry agency office
	bureau committee commission authority service board court district county city town regional local
	provincial international global prime senior junior acting interim assistant associate principal chief
	head staff`)

// personNouns are nouns for a person or people, heads of descriptions
// such as "a Google spokesman" or "the Republican nominee".
var personNouns = toSet(`spokesman spokeswoman spokesperson spokespeople official officials aide aides adviser
	advisers advisor advisors source sources person people man woman men women boy girl member members
	resident residents voter voters supporter supporters protester protesters protestor demonstrator
	demonstrators witness witnesses survivor victim analyst analysts expert experts critic critics observer
	observers diplomat diplomats lawmaker lawmakers legislator legislators politician politicians leader leaders
	candidate candidates nominee nominees senator senators congressman congresswoman representative governor
	mayor president minister secretary director chairman chairwoman chair chief executive ceo founder owner
	manager employee employees worker workers officer officers soldier soldiers agent agents lawyer lawyers
	attorney attorneys prosecutor prosecutors judge judges doctor doctors nurse nurses scientist scientists
	researcher researchers economist economists strategist strategists pollster pollsters consultant
	consultants operative operatives staffer staffers activist activists organizer organizers campaigner
	campaigners advocate advocates lobbyist lobbyists host anchor reporter reporters correspondent columnist
	commentator pundit journalist journalists editor author writer teacher student students parent parents
	mother father son daughter wife husband brother sister friend friends neighbor neighbors neighbour
	neighbours businessman businesswoman billionaire tycoon mogul investor banker insider insiders veteran
	veterans delegate delegates donor donors fundraiser fundraisers ally allies rival rivals opponent opponents
	challenger incumbent front-runner frontrunner hopeful contender partner player coach fan fans user users
	customer customers commander general colonel captain envoy ambassador negotiator mediator inspector
	investigator investigators detective sheriff deputy trooper firefighter pilot passenger passengers
	farmer farmers fisherman owner residents republican republicans democrat democrats conservative
	conservatives liberal liberals progressive progressives independent independents moderate moderates
	loyalist loyalists insurgent insurgents rebel rebels militant militants fighter fighters commentators
	historian scholar professor physician surgeon psychologist epidemiologist specialist clerk guard guards
	assistant associate counsel representative representatives chancellor premier king queen prince princess
	pope bishop rabbi imam pastor priest monk nun star child children kid kids teen teenager teenagers mom dad
	grandmother grandfather widow attendee attendees participant participants caller callers shopper shoppers
	viewer viewers reader readers listener listeners patient patients guest guests panelist panelists moderator
	moderators interviewer official's member's presenter headteacher headmaster headmistress insurer regulator
	watchdog narrator announcer assailant attacker gunman shooter suspect defendant plaintiff bystander
	passerby onlooker relative relatives niece nephew cousin uncle aunt grandson granddaughter fiancé fiancée
	widower landlord tenant producer singer actor actress comedian driver contestant recruit instructor
	lecturer superintendent chaplain pilot commuter homeowner retiree retirees pensioner worshipper
	churchgoer parishioner congregant entrepreneur executive executives family families crowd audience
	spokespersons colleague colleagues classmate classmates roommate coworker co-worker boss
	owner owners organiser organisers coordinator volunteer volunteers nominee delegate commenter commenters
	poster posters blogger bloggers counterpart counterparts`)

// groupNouns are plural nouns for people: "officials said".
var groupNouns = toSet(`officials aides advisers advisors sources people members residents voters supporters
	protesters demonstrators witnesses analysts experts critics observers diplomats lawmakers legislators
	politicians leaders candidates senators democrats republicans conservatives liberals progressives
	employees workers officers soldiers agents lawyers attorneys prosecutors judges doctors scientists
	researchers economists strategists pollsters consultants operatives staffers activists organizers
	campaigners advocates lobbyists reporters journalists students parents friends neighbors neighbours
	insiders veterans delegates donors allies rivals opponents fans users customers investigators guards
	residents rebels militants fighters insurgents independents moderates authorities organizers families
	police paramedics firefighters crews commentators historians scholars physicians teachers farmers
	passengers shoppers viewers listeners readers users members family families relatives crowd audience
	volunteers executives colleagues classmates retirees worshippers parishioners commuters homeowners others`)

// orgWords are words that make a capitalised name an organisation's:
// "the State Department", "Iran's foreign ministry", "Breitbart News".
var orgWords = toSet(`department ministry agency office bureau committee commission council campaign party
	administration government house senate congress parliament court police army navy force forces military
	guard corps service services board authority authorities institute institution foundation university
	college school academy center centre group association union federation league organization organisation
	network news times post journal herald tribune gazette telegraph guardian press media magazine radio
	television tv channel inc inc. corp corp. corporation co co. company companies ltd ltd. llc plc bank fund
	trust partners holdings industries airlines motors systems technologies labs laboratories hospital clinic
	church mosque synagogue embassy consulate mission delegation secretariat cabinet kremlin pentagon
	whitehall downing elysee commission tribunal prosecutors reserve treasury exchange council caucus coalition
	alliance front movement brigade battalion regiment command club society union unions watch pac air airways
	airline airlines railway railways rail shipping ferries logistics pharmaceuticals therapeutics securities
	investments ventures enterprises studios publishing utilities`)

// orgNames are single-word names of organisations seen speaking in news.
var orgNames = toSet(`google facebook twitter apple microsoft amazon meta netflix tesla uber airbnb youtube
	instagram whatsapp tiktok reuters bloomberg cnn msnbc nbc cbs abc fox bbc npr pbs politico breitbart
	axios buzzfeed vox gallup pew quinnipiac rasmussen ipsos yougov nato opec interpol unicef unesco greenpeace
	amnesty hamas hezbollah taliban isis isil fatah kremlin pentagon vatican boeing airbus exxon exxonmobil
	chevron walmart disney sony samsung huawei toyota volkswagen intel nvidia ibm oracle pfizer moderna
	goldman verizon comcast gazprom rosneft aramco caterpillar starbucks mcdonald's nasa fema epa fda cdc
	irs fbi cia nsa dhs doj dnc rnc naacp aclu nra forbes variety xinhua propublica vulture slate salon
	newsweek mediaite gawker deadspin jezebel drudge tass interfax kyodo yonhap bernama ansa efe xinhuanet
	telemundo univision fusion mashable techcrunch wired`)

// states are countries and other states that speak in news: "Russia said".
var states = toSet(`afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
	bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil
	brunei bulgaria burkina burundi cambodia cameroon canada chad chile china colombia comoros congo croatia
	cuba cyprus czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland
	france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary
	iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati
	kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
	madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco
	mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal netherlands nicaragua niger
	nigeria norway oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar
	romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain sudan
	suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan
	tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe britain england
	scotland wales america u.s. us usa u.s.a. uk u.k. eu moscow beijing tehran kyiv kiev washington london
	paris berlin tokyo seoul pyongyang damascus baghdad ankara riyadh cairo delhi islamabad kabul brussels
	jerusalem caracas havana minsk`)

// multiWordStates are states whose names are several words.
var multiWordStates = toSet(`united-states united-kingdom north-korea south-korea saudi-arabia south-africa
	new-zealand sri-lanka costa-rica el-salvador ivory-coast czech-republic dominican-republic united-arab-emirates
	european-union united-nations`)

// nationalities are adjectives of states and faiths; alone they are not
// speakers.
var nationalities = toSet(`american british english french german russian chinese iranian iraqi israeli
	palestinian ukrainian syrian turkish saudi egyptian indian pakistani afghan japanese korean mexican
	canadian australian italian spanish polish dutch belgian swiss swedish norwegian danish finnish greek
	irish scottish welsh european african asian arab latino hispanic cuban venezuelan brazilian argentine
	nigerian kenyan ethiopian libyan lebanese jordanian qatari emirati yemeni sudanese somali belarusian
	georgian armenian azerbaijani kazakh uzbek vietnamese thai filipino indonesian malaysian taiwanese
	western eastern northern southern jewish muslim catholic protestant evangelical islamic hindu
	buddhist sikh arabic persian kurdish sunni shiite shia latin`)

// honorifics are the forms of address before a name, with the gender
// they imply.
var honorifics = map[string]byte{"mr.": 'm', "mr": 'm', "mrs.": 'f', "mrs": 'f', "ms.": 'f', "ms": 'f',
	"miss": 'f', "sir": 'm', "dame": 'f', "lord": 'm', "lady": 'f', "madam": 'f', "mme.": 'f', "m.": 'm'}

// genderedWords are words of titles and relations that tell a person's
// gender.
var genderedWords = map[string]byte{"spokesman": 'm', "spokeswoman": 'f', "chairman": 'm', "chairwoman": 'f',
	"congressman": 'm', "congresswoman": 'f', "councilman": 'm', "councilwoman": 'f', "assemblyman": 'm',
	"assemblywoman": 'f', "businessman": 'm', "businesswoman": 'f', "king": 'm', "queen": 'f', "prince": 'm',
	"princess": 'f', "father": 'm', "mother": 'f', "son": 'm', "daughter": 'f', "husband": 'm', "wife": 'f',
	"brother": 'm', "sister": 'f', "uncle": 'm', "aunt": 'f', "widow": 'f', "widower": 'm', "actress": 'f',
	"actor": 'm', "man": 'm', "woman": 'f', "boy": 'm', "girl": 'f', "grandmother": 'f', "grandfather": 'm',
	"nephew": 'm', "niece": 'f', "boyfriend": 'm', "girlfriend": 'f', "fiancé": 'm', "fiancée": 'f',
	"duke": 'm', "duchess": 'f', "emperor": 'm', "empress": 'f', "lady": 'f', "lord": 'm', "sir": 'm',
	"dame": 'f', "nun": 'f', "monk": 'm', "priest": 'm', "pope": 'm', "rabbi": 'm', "imam": 'm',
	"gentleman": 'm', "mr.": 'm', "mrs.": 'f', "ms.": 'f', "first": 0, "archbishop": 'm', "bishop": 'm',
	"cardinal": 'm', "sheikh": 'm', "ayatollah": 'm', "mullah": 'm', "patriarch": 'm', "abbot": 'm', "abbess": 'f'}

// nameParticles are lower-case words inside names: "Ursula von der Leyen".
var nameParticles = toSet(`de da di del della der den van von la le du dos das al el bin ibn bint ben ter ten
	st. y e`)

// nameSuffixes end a name: "Donald Trump Jr.".
var nameSuffixes = toSet(`jr. jr sr. sr ii iii iv`)

// notNames are capitalised words that start sentences, name days, months,
// places or groups, and never a person on their own.
var notNames = toSet(`the a an and but or so yet nor for if then when while after before since because
	although though as at by in on of to from with without into onto upon over under about above below between
	among through during until unless whether where wherever whenever how why what who whom whose which that
	this these those there here it its it's he she they we i you him her them us me my our your their his
	hers ours theirs one two three four five six seven eight nine ten some many most much more few all both
	each every either neither no not none nobody nothing everyone everybody someone somebody anyone anybody
	also still just even only now today yesterday tomorrow tonight however meanwhile moreover furthermore
	nevertheless instead indeed perhaps maybe yes oh well asked speaking writing according said says says:
	monday tuesday wednesday thursday friday saturday sunday january february march april may june july
	august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
	mr mrs ms mr. mrs. ms. dr. dr sen. rep. gov. gen. president senator governor secretary minister
	republican republicans democrat democrats democratic gop conservative conservatives liberal liberals
	independent independents progressive progressives americans god christ jesus allah twitter facebook
	instagram youtube internet web online news breaking update updated photo video watch read more related
	editor's note click share follow subscribe sign advertisement getty ap reuters afp image images credit
	caption copyright file photos users user people officials critics supporters experts analysts
	sources residents voters many several others other another such same first last next new old former
	previously earlier later before after during amid despite`)

// maleNames and femaleNames are common given names, for the gender a
// pronoun needs. A name in both lists (or in neither) tells nothing.
var maleNames = toSet(`aaron abdul abdullah abe abraham adam adrian ahmad ahmed al alan albert alberto alec
	alejandro alex alexander alexei alexis alfonso alfred ali allen alvin amir anatoly anders andre andrea
	andreas andrei andres andrew andy angel angelo angus anthony antoine anton antonio arnold arthur asa ashton
	austin avi barack barney barry bart ben benedict benjamin benny bernard bernie bert beto bill billy bjorn
	blake bob bobby boris boyd brad bradley brandon brendan brent brett brian bruce bruno bryan bryce buck
	burt byron caleb calvin cameron carl carlos carlton cary casey cecil cedric cesar chad charles charlie
	chase chester chris christian christopher chuck clarence clark claude clay clayton cliff clifford clint
	  cody colin conor connor corey cory craig curt curtis cyril dale damian dan dana daniel danny dante
	darius darrell darren dave david dean dennis derek desmond devin dick diego dmitry dmitri dominic don
	donald doug douglas duane duncan dustin dwayne dwight earl ed eddie edgar edmund eduardo edward edwin eli
	elias elijah elliot elliott elon emanuel emil emmanuel enrique eric erik ernest ernesto ethan eugene evan
	ezra fabian farid federico felipe felix fernando francesco francis francisco frank franklin fred freddie
	frederick gabriel gareth garrett gary gavin gene geoff geoffrey george gerald gerard gerhard gil gilbert
	giovanni giuseppe glenn gordon graham grant greg gregory guillermo gustavo guy hakeem hal hamid hank hans
	harold harry harvey hassan hector henry herbert herman hilton homer horace howard hugh hugo hunter ian
	ibrahim igor isaac ismail ivan jack jackson jacob jake jamal james jamie jared jason javier jay jean jed
	jeff jefferson jeffrey jeremy jerome jerry jesse jesus jim jimmy joaquin joe joel joey johan john johnny
	jon jonah jonathan jordan jorge jose joseph josh joshua juan julian julio justin karl keith ken kenneth
	kent kevin khalid   kirk klaus kurt kyle lamar lance larry lars laurence lawrence lee leo leon leonard
	leonardo leroy les lester lewis lindsey lloyd logan lorenzo louis lucas luis luke luther malcolm manuel
	marc marcel marco marcus mario mark marshall martin marty marvin mason mathew matt matteo matthew maurice
	max maxim maximilian melvin michael miguel mikhail mike miles milton mitch mitchell mitt mohamed mohammad
	mohammed morgan moses muhammad murray nathan nathaniel neal ned neil nelson newt nicholas nick nicolas
	nigel noah noel norman oliver omar orlando oscar otto owen pablo paolo pat patrick paul pedro pete peter
	phil philip phillip pierre preston rafael ralph ramon randall randy raphael raul ray raymond reed reggie
	reginald reince rex ricardo richard rick ricky rob robert roberto rod roderick rodney rodrigo roger roland
	rolf roman ron ronald ronnie ross roy ruben rudolph rudy rupert russ russell ryan salvador sam samuel sami
	sanjay santiago saul scott sean sebastian sergei sergey sergio seth shane shaun shawn sheldon sherrod
	sid simon stan stanley stefan stephen steve steven stewart stuart sven ted terry theo theodore thomas tim
	timothy toby todd tom tommy tony travis trent trevor troy tyler umar uri valentin vernon victor viktor
	vince vincent vladimir volodymyr wade walker wallace walter warren wayne wendell wes wesley will willard
	william willie wilson winston wolfgang xavier yaakov yair yasser yitzhak yosef yuri yusuf zach zachary
	zack zbigniew jeb rand marco ted newt mitt rick bernie joe barack   bill tim mike chris rudy reince
	corey   sean steve jared   eric donald paul mitch chuck harry   elijah adam jerrold
	jerrold devin trey jason lindsey orrin lamar thad jeff     cory benjamin vladimir recep bashar
	emmanuel narendra shinzo justin         volodymyr olaf rishi keir boris   antony
	lloyd jake ned josh kwame kofi chidi emeka tunde olusegun karim tariq samir rashid hamza mustafa mehmet
	ahmet emre burak piotr tomasz krzysztof andrzej pawel marek lukasz wojciech jakub jiri tomas lukas
	matthias jurgen jürgen dieter helmut andreas henrik lars nils olaf jens anders bjorn björn pieter willem
	jeroen giorgio alessandro javier alejandro diego rahul arjun vikram amit rohan hiroshi kenji takeshi
	haruto wei hao oleksandr dmytro andriy serhiy mykola yevgeny alexei nikolai pavel oleg fyodor vasily
	aleksandr ruslan timur arman bilal faisal imran nawaz shehbaz asif anwar mahmoud khaled walid nabil
	joaquim joão joao paulo luiz luís gustavo rodrigo thiago mateus lucas gabriel rafael bruno andré andre
	benoît benoit françois francois jean-pierre jean-luc jacques michel philippe olivier thierry laurent
	emmanuel édouard edouard gérard didier yves hervé herve carl conrad dirk erwin fritz gunter horst
	kai lutz markus norbert rainer sven uwe volker`)

var femaleNames = toSet(`abby abigail ada adele adriana agnes aileen aimee alexandra alexandria alice alicia
	alison allison alma alyssa amanda amber amelia amy ana anastasia andrea angela angelica angelina angie
	anita ann anna annabel anne annette annie antoinette april arianna ariel ashley audrey aurora ava barbara
	beatrice becky belinda bella bernadette beth bethany betsy betty beverly bianca bonnie brenda brianna
	bridget brigitte brittany brooke caitlin camila candace cara carla carly carmen carol carole caroline
	carolyn carrie cassandra catherine cathy cecilia celeste celia charlene charlotte chelsea cheryl chloe
	christa christie christina christine chrystia cindy claire clara claudia colleen connie constance cora
	courtney crystal cynthia daisy dana daniela danielle daphne dawn debbie deborah debra delia denise diana
	diane dianne dolores donna doris dorothy edith eileen elaine eleanor elena elisa elisabeth elise eliza
	elizabeth ella ellen eloise elsa emily emma erica erika erin esther ethel eva evelyn faith fatima felicity
	fiona flora frances francesca gabriela gabrielle gail gemma georgia geraldine gina giselle gladys gloria
	grace greta gretchen gwen gwendolyn hailey hannah harriet hazel heather heidi helen helena hilary hillary
	holly hope huma ida ilhan ingrid irene iris isabel isabella isabelle ivanka jackie jacqueline jacinda jan
	jane janet janice jasmine jean jeanette jeanne jen jenna jennifer jenny jessica jill jo joan joann joanna
	joanne jocelyn jodi jody johanna joni josephine joy joyce judith judy julia julie juliet june karen karin
	karla kate katharine katherine kathleen kathryn kathy katie katrina kay kayla kayleigh kellyanne kelly
	kerry kimberly kirsten kirstjen krista kristen kristin kristina kristy laura lauren laurie leah leila
	lena leslie lila lillian lily linda lindsay lisa liz liza lois loretta lori lorraine louise lucia lucille
	lucy luisa lydia lynn mabel madeleine madeline madison maggie mai mandy mara marcia margaret margarita
	margo maria mariah marian marie marilyn marina marion marjorie marlene martha mary maureen maxine maya
	meg megan meghan melania melanie melinda melissa mercedes meredith mia michaela michele michelle mildred
	mindy miranda miriam molly monica monique nadia nancy naomi natalia natalie natasha nellie nicola nicole
	nikki nina nora norma olga olivia paige pam pamela patricia patty paula paulette pauline peggy penelope
	penny phyllis piper polly priscilla priti rachel rashida raquel rebecca regina renee rhonda rita roberta
	robin rosa rosalind rose rosemary ruby ruth sabrina sally samantha sandra sandy sara sarah sasha selena
	serena shannon sharon sheila shelley sherry shirley sienna silvia simone sofia sonia sophia sophie stacey
	stacy stella stephanie sue susan susanna suzanne sylvia tamara tammy tanya tara teresa terri tessa thelma
	theresa tiffany tina tracy trisha ursula valerie vanessa vera veronica vicky victoria violet virginia
	vivian wanda wendy whitney yolanda yvonne zoe zoey ayanna alexandria kamala nikki kirsten tulsi elise
	marsha condoleezza madeleine condoleezza hope sarah kayleigh huma neera donna debbie katrina dana
	jen ruth sonia elena amy stacey liz lisa susan jeanne heidi tammy claire mazie maria maxine barbara
	angela theresa ursula christine marine giorgia sanna mette jacinda liz nicola marta agnieszka katarzyna
	magdalena ewa olena oksana svetlana tatiana yulia irina ekaterina astrid sigrid heike ute birgit petra
	sabine nathalie amelie amélie ines inés paola chiara giulia pilar marisol guadalupe ximena fernanda aisha
	zainab amina yasmin yasmine noor ananya sunita deepa anjali lakshmi mei ling yuki haruka sakura hana
	ngozi chiamaka adaeze folake funmilayo wanjiru akosua abena efua ama nadine rania layla laila dalia
	hind malak sara sarah beatriz camila valentina lorena rocío rocio esperanza catalina mariana daniela
	isabela leticia letícia renata tereza zuzana hanna johanna ingeborg liv annika frida elin maja`)

// givenNameGender returns 'm' or 'f' for a known given name, 0 if it is
// not known or is given to both.
func givenNameGender(name string) byte {
	n := strings.ToLower(name)
	m, f := maleNames[n], femaleNames[n]
	switch {
	case m && !f:
		return 'm'
	case f && !m:
		return 'f'
	}
	return 0
}

// isGivenName reports whether name is a known given name.
func isGivenName(name string) bool {
	n := strings.ToLower(name)
	return maleNames[n] || femaleNames[n]
}

// usStates are the states of the United States, which are places, not
// people, whatever their words.
var usStates = func() set {
	m := set{}
	for _, s := range strings.Split(`alabama,alaska,arizona,arkansas,california,colorado,connecticut,delaware,
		florida,georgia,hawaii,idaho,illinois,indiana,iowa,kansas,kentucky,louisiana,maine,maryland,
		massachusetts,michigan,minnesota,mississippi,missouri,montana,nebraska,nevada,new hampshire,new jersey,
		new mexico,new york,north carolina,north dakota,ohio,oklahoma,oregon,pennsylvania,rhode island,
		south carolina,south dakota,tennessee,texas,utah,vermont,virginia,washington,west virginia,wisconsin,
		wyoming,puerto rico,district of columbia`, ",") {
		m[strings.TrimSpace(s)] = true
	}
	return m
}()

// pluralRoles are the plurals of the nouns of roles and people ("inspectors",
// "secretaries"): nouns, not verbs ending in -s.
var pluralRoles = func() set {
	m := set{}
	for _, src := range []set{personNouns, titleWords} {
		for w := range src {
			switch {
			case strings.HasSuffix(w, "y") && !strings.HasSuffix(w, "ey"):
				m[w[:len(w)-1]+"ies"] = true
			case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch"):
				m[w+"es"] = true
			case strings.HasSuffix(w, "man"):
				m[w[:len(w)-3]+"men"] = true
			}
			m[w+"s"] = true
		}
	}
	return m
}()
