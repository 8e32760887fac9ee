package extract

import (
	"strings"
	"testing"

	"github.com/quoteline/quoteline/data"
)

// wantQuote is a passage and who the test expects to have said it: a name,
// "" for no one, and kind and confidence when they matter.
type wantQuote struct {
	text, speaker string
	kind          string          // "" to leave unchecked
	conf          data.Confidence // "" to leave unchecked
}

// TestPatterns runs one small article per failure pattern seen on real
// news (issue 20), written for this test, and checks every passage
// suggested and its speaker: nothing more, nothing less.
func TestPatterns(t *testing.T) {
	tests := []struct {
		name, text string
		quotes     []wantQuote
	}{
		{"attribution after the quote, title before the name", `Debate night recap
Tim Kaine spent much of Sunday defending his running mate's record.
"We are not going to relitigate the primary," vice presidential candidate Mike Pence said on "Fox News Sunday."
`, []wantQuote{{"We are not going to relitigate the primary", "Mike Pence", data.KindPerson, data.ConfidenceHigh}}},

		{"many speech verbs", `Supporters pack the arena
"This is the best night of my life," Dana Whitfield gushed as the doors opened.
"Lock the gates," shouted Carl Benson, a steward.
"We owe the volunteers everything," Mayor Ruth Adeyemi wrote on Facebook.
"See you all in Ohio!" Senator Glenn Harper tweeted.
"We will be back next year," Whitfield added.
Benson warned that "the parking will be chaos," and insisted, "It always is."
"Nobody checked the tickets," according to Aaron Pike, who was at the gate.
In a statement, the Ohio Arena Authority said it was "reviewing the night's events."
Harper's statement read: "I thank every volunteer."
"We were ready," Adeyemi told reporters. "Ask anyone," she told The Morning Show.
`, []wantQuote{
			{"This is the best night of my life", "Dana Whitfield", data.KindPerson, data.ConfidenceHigh},
			{"Lock the gates", "Carl Benson", data.KindPerson, data.ConfidenceHigh},
			{"We owe the volunteers everything", "Ruth Adeyemi", data.KindPerson, data.ConfidenceHigh},
			{"See you all in Ohio!", "Glenn Harper", data.KindPerson, data.ConfidenceHigh},
			{"We will be back next year", "Dana Whitfield", data.KindPerson, data.ConfidenceHigh},
			{"the parking will be chaos", "Carl Benson", data.KindPerson, ""},
			{"It always is", "Carl Benson", data.KindPerson, ""},
			{"Nobody checked the tickets", "Aaron Pike", data.KindPerson, data.ConfidenceHigh},
			{"reviewing the night's events", "Ohio Arena Authority", data.KindOrganisation, data.ConfidenceHigh},
			{"I thank every volunteer", "Glenn Harper", data.KindPerson, data.ConfidenceHigh},
			{"We were ready", "Ruth Adeyemi", data.KindPerson, data.ConfidenceHigh},
			{"Ask anyone", "Ruth Adeyemi", data.KindPerson, data.ConfidenceHigh},
		}},

		{"names with particles, abbreviated titles and an office in capitals", `Plant closure hearing
"The plant stays open," said Assistant Atty. Gen. Helen Marsh.
"We will keep drilling," said Norsk chairman Pieter van der Hoek.
Commission President Greta von der Brandt met the workers. "This is not the end," von der Brandt added.
An MP has accused the board of a "reckless gamble" with the town's jobs.
`, []wantQuote{
			{"The plant stays open", "Helen Marsh", data.KindPerson, data.ConfidenceHigh},
			{"We will keep drilling", "Pieter van der Hoek", data.KindPerson, data.ConfidenceHigh},
			{"This is not the end", "Greta von der Brandt", data.KindPerson, data.ConfidenceHigh},
			{"reckless gamble", "an MP", data.KindUnnamed, ""},
		}},

		{"a sentence that names two people: the subject speaks", `Summit ends in a row
President Luis Ferrante met Prime Minister Rodrigo Duarte on Friday.
Ferrante said Duarte's "reckless talk" had put the talks at risk.
Sen. Kevin Perry, who hugged Clinton while the cameras rolled, shouted, "This is a disgrace."
`, []wantQuote{
			{"reckless talk", "Luis Ferrante", data.KindPerson, data.ConfidenceHigh},
			{"This is a disgrace", "Kevin Perry", data.KindPerson, data.ConfidenceHigh},
		}},

		{"pronouns by gender, and one that refers to no one", `Campaign turns to the economy
Jennifer Palmieri, the campaign's communications director, spoke after the rally. Senator Mark Osei joined her on stage.
"We have a plan for every county," she said.
"And we will fund it," he added.
`, []wantQuote{
			{"We have a plan for every county", "Jennifer Palmieri", data.KindPerson, data.ConfidenceHigh},
			{"And we will fund it", "Mark Osei", data.KindPerson, data.ConfidenceHigh},
		}},
		{"a pronoun with no one to refer to", `Storm closes the coast road
The coast road was closed on Tuesday after the storm.
"It will take weeks to clear," she said.
`, []wantQuote{{"It will take weeks to clear", "", "", data.ConfidenceCheck}}},

		{"described speakers are kept as described", `Search giant under fire over censorship
Users in the region reported that searches were blocked on Monday.
"We are looking into the reports," a Google spokesman said.
"The blocking is deliberate," said a GreatFire.org member who asked not to be named.
Donald Trump's son told supporters that the story was "fake news from start to finish."
`, []wantQuote{
			{"We are looking into the reports", "a Google spokesman", data.KindUnnamed, data.ConfidenceHigh},
			{"The blocking is deliberate", "a GreatFire.org member", data.KindUnnamed, data.ConfidenceHigh},
			{"fake news from start to finish", "Donald Trump's son", data.KindUnnamed, ""},
		}},
		{"titles before names and the host named before", `Leaked emails dominate Sunday shows
CNN host Jake Tapper pressed the campaign on the emails.
"These are stolen documents," campaign chairman John Podesta said.
"We will not comment on them," Clinton press secretary Brian Fallon said.
"That is not an answer," the CNN host said.
`, []wantQuote{
			{"These are stolen documents", "John Podesta", data.KindPerson, data.ConfidenceHigh},
			{"We will not comment on them", "Brian Fallon", data.KindPerson, data.ConfidenceHigh},
			{"That is not an answer", "Jake Tapper", data.KindPerson, data.ConfidenceCheck},
		}},

		{"partial and full names of one person, and two of one family", `Clinton rallies in Ohio
Hillary Clinton returned to Ohio on Saturday with her husband, former President Bill Clinton.
"Ohio decides elections," Clinton said.
"I have never seen crowds like this," Bill Clinton said.
"We need every vote," Mrs. Clinton added.
"She is ready," Secretary Clinton's running mate said.
Donald Trump and Donald Trump Jr. held their own rally.
"We will win Ohio," Donald Trump Jr. said. "Big," Trump said, "very big."
`, []wantQuote{
			{"Ohio decides elections", "Hillary Clinton", data.KindPerson, ""},
			{"I have never seen crowds like this", "Bill Clinton", data.KindPerson, data.ConfidenceHigh},
			{"We need every vote", "Hillary Clinton", data.KindPerson, data.ConfidenceHigh},
			{"She is ready", "Secretary Clinton's running mate", data.KindUnnamed, ""},
			{"We will win Ohio", "Donald Trump Jr.", data.KindPerson, data.ConfidenceHigh},
			{"Big", "Donald Trump", data.KindPerson, ""},
			{"very big", "Donald Trump", data.KindPerson, ""},
		}},

		{"organisations and states speak", `Grain deal talks stall
Ukraine's agriculture ministry said exports had fallen.
"The corridor is not safe," the ministry said.
"We have seen no evidence of that," the agency said in a statement, referring to the UN's food agency.
"The deal has expired," Russia said.
`, []wantQuote{
			{"The corridor is not safe", "Ukraine's agriculture ministry", data.KindOrganisation, ""},
			{"We have seen no evidence of that", "the agency", "", ""},
			{"The deal has expired", "Russia", data.KindState, data.ConfidenceHigh},
		}},

		{"names after titles with portfolios, given names the lexicon does not know", `Cabinet approves the port plan
BEIRUT, March 4 (Wire) - Minister of Information Wissam Haddadin announced on Monday that the drafting committee "has finished its work on the statement."
Minister of Planning and Development Cooperation Sabah Qudsi on Tuesday unveiled a plan for the southern port, adding "the investment will bring jobs back to the south."
Governor of the Bank of Lebanon Rami Nassereddine said "reserves are stable for now."
"We will publish the figures next week," Haddadin said.
"Prices will ease by spring," said Governor of the Reserve Bank of Malawi Chikondi Banda.
China's Ministry of Foreign Affairs spokesperson Lin Jiarui called the visit "a complete success."
"A state of our own is the only way to peace," said Deputy Prime Minister and Minister of Foreign Affairs and Expatriates Fawwaz Obeidat on Wednesday.
"The first six months will decide the year," coordinating minister for the economy Hartono Wijaya told reporters in Jakarta.
Chairman of the Vice Presidential Team Sutrisno Gunadi said "the ministers have two weeks."
`, []wantQuote{
			{"has finished its work on the statement", "Wissam Haddadin", data.KindPerson, data.ConfidenceHigh},
			{"the investment will bring jobs back to the south", "Sabah Qudsi", data.KindPerson, data.ConfidenceHigh},
			{"reserves are stable for now", "Rami Nassereddine", data.KindPerson, data.ConfidenceHigh},
			{"We will publish the figures next week", "Wissam Haddadin", data.KindPerson, data.ConfidenceHigh},
			{"Prices will ease by spring", "Chikondi Banda", data.KindPerson, data.ConfidenceHigh},
			{"a complete success", "Lin Jiarui", data.KindPerson, data.ConfidenceHigh},
			{"A state of our own is the only way to peace", "Fawwaz Obeidat", data.KindPerson, data.ConfidenceHigh},
			{"The first six months will decide the year", "Hartono Wijaya", data.KindPerson, data.ConfidenceHigh},
			{"the ministers have two weeks", "Sutrisno Gunadi", data.KindPerson, data.ConfidenceHigh},
		}},

		{"a person after an office, whatever the given name, is the pronoun's", `Cabinet decisions to be announced only at briefings
Gen. Mark Holloway met the defence minister in the morning and left for the airport at noon.
Cabinet Spokesman Nimal Jayasekera said the decision was final. "We have made our choice," he said.
Jayasekera was answering a question about a minister who spoke to the press on Sunday night.
The Cabinet spokesman said he would raise such "unofficial announcements" at the next meeting.
`, []wantQuote{
			{"We have made our choice", "Nimal Jayasekera", data.KindPerson, data.ConfidenceHigh},
			{"unofficial announcements", "Nimal Jayasekera", data.KindPerson, ""},
		}},

		{"a pronoun does not pass by the subject of unknown gender", `Farmers protest water cuts
Deputy Minister Mark Dunmore toured the canal on Monday and promised an inquiry.
Tharindu Wickramage said the cuts had ruined his crop. "We have nothing left to sell," he said.
Foreign Ministry spokesperson Zhou Minghao said on Tuesday that Delwar Hossain had not been told of the ruling. "We are in contact with his family," he said.
`, []wantQuote{
			{"We have nothing left to sell", "Tharindu Wickramage", data.KindPerson, data.ConfidenceCheck},
			{"We are in contact with his family", "Zhou Minghao", data.KindPerson, data.ConfidenceCheck},
		}},

		{"names set off after titles with portfolios and ranks", `Police say kidnap suspects arrested
The Minister of Interior and Coordination of National Government, Obiora Nwankwo, says the night patrols will continue.
"The roads are safer than they were a year ago," he said.
The command spokesperson, ASP Kelechi Obafemi, said three suspects were held in Dutse on Wednesday.
The spokesperson said the suspects had "confessed to the crime."
Inspector General of police Tunde Adeyemi on his part said the force would not relent. "It calls for a collective effort," he said.
The political adviser to the Minister of Foreign Affairs and Expatriates, Ambassador Samir Haddadeen, said the visit was "a turning point for both peoples."
`, []wantQuote{
			{"The roads are safer than they were a year ago", "Obiora Nwankwo", data.KindPerson, data.ConfidenceCheck},
			{"confessed to the crime", "Kelechi Obafemi", data.KindPerson, ""},
			{"It calls for a collective effort", "Tunde Adeyemi", data.KindPerson, ""},
			{"a turning point for both peoples", "Samir Haddadeen", data.KindPerson, data.ConfidenceHigh},
		}},

		{"scare quotes, titles and tweets are not quotations", `A district divided
The plan "failed," and the "Abbott district" it was meant to help is still waiting.
Governor Ella Abbott appeared on "Meet the Press" and recommended the book "The Long Road Home."
<tweet id="1" author="@ellaabbott">"We did not fail," the governor wrote. — Ella Abbott (@ellaabbott) May 2, 2016</tweet>
Abbott said the plan was "working better than anyone expected."
`, []wantQuote{{"working better than anyone expected", "Ella Abbott", data.KindPerson, data.ConfidenceHigh}}},

		{"a quotation over two paragraphs, and quotes within quotes", `Union leader recalls the strike
Marta Kowalczyk remembered the first morning of the strike.
"We stood at the gate from five o'clock. Nobody spoke.
"Then the manager came out and said, 'Enough is enough,' and we knew it had begun," she said.
`, []wantQuote{
			{"We stood at the gate from five o'clock. Nobody spoke", "Marta Kowalczyk", data.KindPerson, data.ConfidenceHigh},
			{"Then the manager came out and said, 'Enough is enough,' and we knew it had begun", "Marta Kowalczyk", data.KindPerson, data.ConfidenceHigh},
		}},

		{"a quote that ends its sentence, then another speaker reports", `Neighbours condemn the launch
Norway called the launch a "reckless gamble with everyone's safety." Chile insisted that the council "meet within the week." The Red Cross said its teams had found "no sign of damage so far."
"We were lucky," Mayor Ines Calder said. Aid worker Tomas Brell agreed that the town "got off lightly."
`, []wantQuote{
			{"reckless gamble with everyone's safety", "Norway", data.KindState, ""},
			{"meet within the week", "Chile", data.KindState, ""},
			{"no sign of damage so far", "Red Cross", data.KindOrganisation, ""},
			{"We were lucky", "Ines Calder", data.KindPerson, data.ConfidenceHigh},
			{"got off lightly", "Tomas Brell", data.KindPerson, ""},
		}},

		{"a transcript quoted whole, its speakers' labels in capitals", `Governor defends the ticket on Sunday show
Gov. Dana Whitlock appeared on "Meet the Voters" with host Paul Brandt. A partial transcript follows:
"BRANDT: Governor, your running mate invited a heckler to the debate. Why?
"WHITLOCK: Because the voters deserve to see who the other side really is. They are tired of politics as usual.
"And frankly, nobody in Ohio is talking about seating charts.
"BRANDT: We are out of time."
`, []wantQuote{
			{"BRANDT: Governor, your running mate invited a heckler to the debate. Why?", "Paul Brandt", data.KindPerson, data.ConfidenceHigh},
			{"WHITLOCK: Because the voters deserve to see who the other side really is. They are tired of politics as usual", "Dana Whitlock", data.KindPerson, data.ConfidenceHigh},
			{"And frankly, nobody in Ohio is talking about seating charts", "Dana Whitlock", data.KindPerson, data.ConfidenceHigh},
			{"BRANDT: We are out of time", "Paul Brandt", data.KindPerson, data.ConfidenceHigh},
		}},

		{"a label before a colon names the speaker, in headlines too", `Whitlock on Brandt: 'He Never Read the Bill'
Two candidates traded barbs on Tuesday.
Whitlock: "My opponent never read the bill." Brandt: "I wrote half of it."
Maria Ocampo: Saying "we will fix it later" is not a plan for the county.
`, []wantQuote{
			{"He Never Read the Bill", "Whitlock", data.KindPerson, ""},
			{"My opponent never read the bill", "Whitlock", data.KindPerson, ""},
			{"I wrote half of it", "Brandt", data.KindPerson, ""},
			{"we will fix it later", "Maria Ocampo", data.KindPerson, ""},
		}},

		{"readers' words signed after a dash of any kind, a quotation inside one in the same marks", `What our readers said about the debate
We asked readers to tell us how the night went. Here is some of what they wrote.
“He never answered a single question about the budget.” ― Lorna Dube
“I switched off after twenty minutes. Nobody on that stage called it “a crisis” and meant it.” — Pedro Alves
“My daughter asked me why they were shouting.” -- Grace Whitman
`, []wantQuote{
			{"He never answered a single question about the budget", "Lorna Dube", data.KindPerson, ""},
			{"I switched off after twenty minutes. Nobody on that stage called it “a crisis” and meant it", "Pedro Alves", data.KindPerson, ""},
			{"My daughter asked me why they were shouting", "Grace Whitman", data.KindPerson, ""},
		}},

		{"surnames that are also nationalities, and a description of any noun before a name", `Investors weigh in on the race
Billionaire Mark Cuban and retail economist Rachel English spoke at the forum on Friday.
"It's too early to tell," Cuban said.
"Shoppers are nervous," said Ms. English.
"He had it coming," the bystander, Ivo Marsh, told a local station.
Trump took a risk by winking at Jewish voters, telling the crowd, "I'm a negotiator like you."
`, []wantQuote{
			{"It's too early to tell", "Mark Cuban", data.KindPerson, data.ConfidenceHigh},
			{"Shoppers are nervous", "Rachel English", data.KindPerson, data.ConfidenceHigh},
			{"He had it coming", "Ivo Marsh", data.KindPerson, data.ConfidenceHigh},
			{"I'm a negotiator like you", "Trump", data.KindPerson, ""},
		}},

		{"a quote standing alone after a sentence that reports its speaker's words", `Committee split on the timing
The committee may wait until after the election, Rep. Adam Lorde said on Sunday. "Nobody wants to look like they are tipping the scales. But the public has a right to know."
In a statement released Thursday, Sen. Carla Ruiz reacted to the ruling, saying: "The court got it right."
Mr. Bell, whose firm builds voting machines, said the county's system was a model for the whole state: "Nobody has ever found a fault in it."
With aides increasingly worried about turnout, Mayor Dana Price is trying a new message: "Vote early."
The ad shows Governor Alan Moss saying, "I never raised a tax."
`, []wantQuote{
			{"Nobody wants to look like they are tipping the scales. But the public has a right to know", "Adam Lorde", data.KindPerson, data.ConfidenceCheck},
			{"The court got it right", "Carla Ruiz", data.KindPerson, ""},
			{"Nobody has ever found a fault in it", "Bell", data.KindPerson, ""},
			{"Vote early", "Dana Price", data.KindPerson, ""},
			{"I never raised a tax", "Alan Moss", data.KindPerson, ""},
		}},

		{"attributions with asides, dashes and titles between the speaker and the verb", `Museum opens after a decade of work
President Ruth Alder, opening the Harbour Museum on Saturday, said it would tell a long story, one of "loss and repair, and of a town that would not give up."
On "Morning Edition," Sen. Paul Varga (Ohio), who chaired the funding panel, praised the design. "It is the best building in the state."
Tom Reyes, the chief executive of Reyes Build -- the firm that laid the foundations in 2019 -- told me, "We never missed a deadline."
"Nobody thought we would finish," Irene Falk, the museum's first curator, one of six staff hired in 2015, said.
This is "the largest crowd the square has seen," reported Reuters.
Fees were raised under what Ms. Falk called "the new visitor model," the board announced.
Entry is free only for those with a "lawful reason to visit," as a council memo put it.
A page on the Reyes campaign's website states that the firm will "hire locally first."
"Why did it take ten years?" a narrator in the council's film asks.
`, []wantQuote{
			{"loss and repair, and of a town that would not give up", "Ruth Alder", data.KindPerson, data.ConfidenceCheck},
			{"It is the best building in the state", "Paul Varga", data.KindPerson, data.ConfidenceCheck},
			{"We never missed a deadline", "Tom Reyes", data.KindPerson, data.ConfidenceHigh},
			{"Nobody thought we would finish", "Irene Falk", data.KindPerson, data.ConfidenceHigh},
			{"the largest crowd the square has seen", "Reuters", data.KindOrganisation, data.ConfidenceHigh},
			{"the new visitor model", "Irene Falk", data.KindPerson, ""},
			{"lawful reason to visit", "", "", data.ConfidenceCheck},
			{"hire locally first", "Reyes campaign", data.KindOrganisation, ""},
			{"Why did it take ten years?", "a narrator in the council's film", data.KindUnnamed, ""},
		}},

		{"documents that speak for their owner, and quotes after a clause", `Ads fly in the final week
Gov. Mark Kessler and Senator Anna Lindqvist are tied in the polls.
Former Ohio governor Nora Platt (D), a Lindqvist supporter, spent Friday at a diner in Toledo.
The Kessler ad hits Lindqvist for taking "more money from banks than from farmers" and claims that "Toledo deserves better."
One Lindqvist ad declared, "Kessler wants your pension."
Kessler then appears in a clip from a rally, saying, "I will protect every pension."
Earlier this week, Platt shared her worries with donors in Columbus, "I do not know which Kessler will show up."
Delegate Ron Ames, wearing a cap and "Kessler 2028" pins, said, "We are ready."
`, []wantQuote{
			{"more money from banks than from farmers", "Mark Kessler", data.KindPerson, ""},
			{"Toledo deserves better", "Mark Kessler", data.KindPerson, ""},
			{"Kessler wants your pension", "Anna Lindqvist", data.KindPerson, ""},
			{"I will protect every pension", "Mark Kessler", data.KindPerson, ""},
			{"I do not know which Kessler will show up", "Nora Platt", data.KindPerson, data.ConfidenceCheck},
			{"We are ready", "Ron Ames", data.KindPerson, data.ConfidenceHigh},
		}},

		{"a pronoun refers to the main clause's subject, not a clause inside it", `Editor answers the oil company
In his reply, Mr. Alvarez said he was troubled that Mr. Brandt had "made serious allegations" without evidence. He went on: "We stand by every word."
With a vote for Brandt ruled out, Mr. Osei said he would back the challenger, whom he called "the only adult in the race."
Bishop Tomas Reyna of the Diocese of Harlow told the Gazette, "We pray for both men." He added, "Nobody wins a shouting match."
Senator Ruth Dale spent the week in hospital. Mr. Keane emailed her his wishes, telling her, "You will be back by Friday!" She replied to him that it was "the kindest note I had."
Campaigners spent the day at the gate, with the union chief tweeting that it was "a scandal" and asking, "Who will pay?"
`, []wantQuote{
			{"made serious allegations", "Alvarez", data.KindPerson, ""},
			{"We stand by every word", "Alvarez", data.KindPerson, ""},
			{"the only adult in the race", "Osei", data.KindPerson, ""},
			{"We pray for both men", "Tomas Reyna", data.KindPerson, data.ConfidenceHigh},
			{"Nobody wins a shouting match", "Tomas Reyna", data.KindPerson, data.ConfidenceHigh},
			{"You will be back by Friday!", "Keane", data.KindPerson, ""},
			{"the kindest note I had", "Ruth Dale", data.KindPerson, ""},
			{"a scandal", "the union chief", data.KindUnnamed, ""},
			{"Who will pay?", "the union chief", data.KindUnnamed, ""},
		}},

		{"names that are also words of titles, bodies known by one word, verbs after modals and infinitives", `Platform rules under fire
Facebook spokeswoman Ada White and analyst Joshua Green spoke after the hearing.
"We built the tool for exactly this," Ms. White said.
"It is easy to promise a fix," Green said.
Twitter suspended the accounts on Monday. "There is no magic filter," the company said.
Sen. Hal Moreno, who heads the Commerce Committee, which oversees the agency, said the rules "call the whole system into question."
The hearing was so tense that a committee aide could only quip: "Nobody brought snacks."
The mood was so grim that Ms. White was prompted to say, "We are listening."
Gov. Lena Ortiz, Nevada's sitting governor, repeated claims that Facebook ignores small towns, calling the company "a landlord that never visits."
Moreno came close to an admission that the committee had failed, saying, "We were slow."
`, []wantQuote{
			{"We built the tool for exactly this", "Ada White", data.KindPerson, data.ConfidenceHigh},
			{"It is easy to promise a fix", "Joshua Green", data.KindPerson, data.ConfidenceHigh},
			{"There is no magic filter", "Twitter", data.KindOrganisation, ""},
			{"call the whole system into question", "Hal Moreno", data.KindPerson, data.ConfidenceHigh},
			{"Nobody brought snacks", "a committee aide", data.KindUnnamed, ""},
			{"We are listening", "Ada White", data.KindPerson, data.ConfidenceHigh},
			{"a landlord that never visits", "Lena Ortiz", data.KindPerson, ""},
			{"We were slow", "Hal Moreno", data.KindPerson, ""},
		}},

		{"short sentences in capitals are quotations, titles are not", `Crime figures in dispute
"Like Toledo. Or Dayton," Mayor Ben Aldous said. He was asked about "Mr. Smith Goes to Washington" on Sunday.
`, []wantQuote{
			{"Like Toledo. Or Dayton", "Ben Aldous", data.KindPerson, data.ConfidenceHigh},
		}},

		{"asides of roles and parties, reflexives, a name before a colon, a name that looks like a participle", `Analysts weigh the merger
Rita Vance, technology analyst at Corbel Partners, agreed: "They have a brand nobody can copy."
Sen. Ron Jalbert, R-Ore., said in a column, "The deal deserves a hearing."
Jalbert himself acknowledged on Monday "it will be very hard to stop."
The timing does not surprise veteran pollster Dana Whitcombe: "Mergers always come in waves."
Ewing said the board would meet again, but said, "We are in no hurry."
"It is about time," exhorted the host, actress Lena Park.
`, []wantQuote{
			{"They have a brand nobody can copy", "Rita Vance", data.KindPerson, data.ConfidenceHigh},
			{"The deal deserves a hearing", "Ron Jalbert", data.KindPerson, data.ConfidenceHigh},
			{"it will be very hard to stop", "Ron Jalbert", data.KindPerson, ""},
			{"Mergers always come in waves", "Dana Whitcombe", data.KindPerson, data.ConfidenceCheck},
			{"We are in no hurry", "Ewing", data.KindPerson, ""},
			{"It is about time", "Lena Park", data.KindPerson, data.ConfidenceHigh},
		}},

		{"outlets and peoples that speak are no persons", `Sanctions debated
"The sanctions will not work," the Ledger reported on Monday.
"We will answer in kind," the Russians said.
"Talks are over," Xinhua said.
`, []wantQuote{
			{"The sanctions will not work", "Ledger", data.KindOrganisation, data.ConfidenceHigh},
			{"We will answer in kind", "Russians", data.KindUnnamed, ""},
			{"Talks are over", "Xinhua", data.KindOrganisation, data.ConfidenceHigh},
		}},

		{"plural subjects in the present, adjectives and roles between names, a document's reply", `Voters weigh the ballot measure
"The measure is a fraud," the Norwegians state in their filing.
Critics argue it will "raise every bill in the county."
"I don't know where he stands," said undecided Green voter Mara Tellis of Derby, Ore., before the rally.
"These are dark days," former Jane Doyle speechwriter Noam Petrak said.
"Nobody reads the small print," columnist Ai Jun wrote.
Others, reacting to the vote, shouted, "Recount!"
Lobbyists describe the fight as "a different cup of tea."
Councillor Ana Vries was asked about the fee. Vries's reply was: "Ask the mayor."
`, []wantQuote{
			{"The measure is a fraud", "Norwegians", data.KindUnnamed, ""},
			{"raise every bill in the county", "Critics", data.KindUnnamed, ""},
			{"I don't know where he stands", "Mara Tellis", data.KindPerson, data.ConfidenceHigh},
			{"These are dark days", "Noam Petrak", data.KindPerson, data.ConfidenceHigh},
			{"Nobody reads the small print", "Ai Jun", data.KindPerson, data.ConfidenceHigh},
			{"Recount!", "Others", data.KindUnnamed, ""},
			{"a different cup of tea", "Lobbyists", data.KindUnnamed, ""},
			{"Ask the mayor", "Ana Vries", data.KindPerson, ""},
		}},

		{"inverted verbs set off by commas or before a colon, and a new clause before a colon", `Pollsters look back on the caucuses
"Turnout surprised us," Dale Ruiz said. In other words, explained moderator Nora Quist: "Nobody saw it coming."
Because the calendar was compressed, explained strategist Omar Bell, "the race was over by March."
The paradox of the result, says historian Ana Kerr, is that it was "decided by the weather."
Another commenter said, "The polls were fine."
"We read every poll," Ruiz said. Former mayor Jon Pratt broke down what went wrong to a local paper: "The rural count came in late."
`, []wantQuote{
			{"Turnout surprised us", "Dale Ruiz", data.KindPerson, data.ConfidenceHigh},
			{"Nobody saw it coming", "Nora Quist", data.KindPerson, data.ConfidenceHigh},
			{"the race was over by March", "Omar Bell", data.KindPerson, data.ConfidenceHigh},
			{"decided by the weather", "Ana Kerr", data.KindPerson, ""},
			{"The polls were fine", "another commenter", data.KindUnnamed, ""},
			{"We read every poll", "Dale Ruiz", data.KindPerson, data.ConfidenceHigh},
			{"The rural count came in late", "Jon Pratt", data.KindPerson, data.ConfidenceCheck},
		}},

		{"a headline's quote is its subject's, or the name after it", `Marta Quill Grills Harbor Board Chair: ‘You Owe The Town An Answer.’
Councilwoman Marta Quill questioned the harbor board's chair, Ivo Brandt, for two hours on Tuesday.
Quill said the board had "ignored every warning" about the pier.
`, []wantQuote{
			{"You Owe The Town An Answer", "Marta Quill", data.KindPerson, data.ConfidenceCheck},
			{"ignored every warning", "Marta Quill", data.KindPerson, ""},
		}},

		{"a headline's quote followed by its speaker", `Ferry Fares Are ‘A Tax On The Islands,’ Owen Pryce Tells Council.
Owen Pryce, who runs the island ferry line, addressed the council on Monday.
`, []wantQuote{
			{"A Tax On The Islands", "Owen Pryce", data.KindPerson, data.ConfidenceCheck},
		}},

		{"a headline's capitals name no one new", `Storm Warning Issued: ‘Stay Off The Roads Tonight’
Forecasters expect heavy snow across the valley.
`, []wantQuote{
			{"Stay Off The Roads Tonight", "", "", data.ConfidenceCheck},
		}},

		{"U.S. and US before a title, a possessive description, a mis-encoded name", `Allies meet in Brussels
"We will keep our commitments to every ally," U.S. Senator Dana Holt said on Friday.
"The alliance has never been stronger than it is today," US Ambassador Peter Lam said.
"Let everyone know that Europe can defend itself," French President FranÃ§ois Mercier said as he arrived.
"It is time the allies spent what they promised," said the summit's host, actress Lena Vargas.
`, []wantQuote{
			{"We will keep our commitments to every ally", "Dana Holt", data.KindPerson, data.ConfidenceHigh},
			{"The alliance has never been stronger than it is today", "Peter Lam", data.KindPerson, data.ConfidenceHigh},
			{"Let everyone know that Europe can defend itself", "FranÃ§ois Mercier", data.KindPerson, data.ConfidenceHigh},
			{"It is time the allies spent what they promised", "Lena Vargas", data.KindPerson, data.ConfidenceHigh},
		}},

		{"two speakers of one verb, the owner of a response, a description of the other party", `Budget deal collapses
Gov. Maria Delgado and state Sen. Tom Hale met for three hours on Tuesday.
"We could not find common ground on taxes," Delgado and Hale said in a joint statement.
Hale's response: "The governor walked away from the table."
Democratic vice presidential nominee Tim Kaine visited the capital the same day.
"Nobody in this state wants a shutdown," the Republican presidential nominee said at a rally.
`, []wantQuote{
			{"We could not find common ground on taxes", "Maria Delgado", data.KindPerson, data.ConfidenceCheck},
			{"The governor walked away from the table", "Tom Hale", data.KindPerson, data.ConfidenceHigh},
			{"Nobody in this state wants a shutdown", "the Republican presidential nominee", data.KindUnnamed, ""},
		}},

		{"“it” is the body the sentence is about, not the last one named", `Council condemns launch
The Regional Security Council on Monday condemned Russia's missile launch as what it called "a reckless provocation."
`, []wantQuote{
			{"a reckless provocation", "Regional Security Council", data.KindOrganisation, data.ConfidenceCheck},
		}},

		{"subjects with a party and comma, a relative clause without commas, an infinitive, a number", `Victory night in Columbus
Gov. Ray Duncan (R-Ohio), said, "We are going to take this all the way to the convention."
A campaign aide who spoke on condition of anonymity to discuss strategy said Wednesday, "The map favors us now."
The organizer, Lena Brooks, interrupted the speeches to announce, "The polls have closed in the west."
"They have forgotten the families," said 9/11 widow Joan Alvarez.
Mr. Duncan laid out a vision of "a state that builds again."
Maya Ortiz told a young man who asked about turnout that "nobody stays home this year."
`, []wantQuote{
			{"We are going to take this all the way to the convention", "Ray Duncan", data.KindPerson, data.ConfidenceHigh},
			{"The map favors us now", "a campaign aide", data.KindUnnamed, ""},
			{"The polls have closed in the west", "Lena Brooks", data.KindPerson, ""},
			{"They have forgotten the families", "Joan Alvarez", data.KindPerson, data.ConfidenceHigh},
			{"a state that builds again", "Ray Duncan", data.KindPerson, data.ConfidenceCheck},
			{"nobody stays home this year", "Maya Ortiz", data.KindPerson, ""},
		}},

		{"a quote alone after a paragraph about its speaker, in the present tense", `The volunteers
Dolores Reyes, a retired nurse, said into the phone: "I am calling for the school board campaign."
She waits.
"Well, thank you so much for your time."
`, []wantQuote{
			{"I am calling for the school board campaign", "Dolores Reyes", data.KindPerson, data.ConfidenceHigh},
			{"Well, thank you so much for your time", "Dolores Reyes", data.KindPerson, data.ConfidenceCheck},
		}},

		{"reported speech going on in the next sentence; a narrator in a named ad", `Health law under fire
Economist Lena Ward has argued that the rules favor insurers. As a result, patients still face "a system built for billing."
The new spot features footage of the senator at a fundraiser.
"Who is he really working for?" a narrator in the Harper ad asks.
`, []wantQuote{
			{"a system built for billing", "Lena Ward", data.KindPerson, data.ConfidenceCheck},
			{"Who is he really working for?", "a narrator in the Harper ad", data.KindUnnamed, ""},
		}},

		{"more verbs of speech; a described speaker of any noun after the verb", `Factory closes its doors
"We all saw it coming for years," remembered Ruth Okafor, who worked on the line for two decades.
"Nobody told us anything," reacted Sam Lutz.
"It is hard enough to find work at my age," said the welder, who asked that his name not be used. "Now it is impossible."
`, []wantQuote{
			{"We all saw it coming for years", "Ruth Okafor", data.KindPerson, data.ConfidenceHigh},
			{"Nobody told us anything", "Sam Lutz", data.KindPerson, data.ConfidenceHigh},
			{"It is hard enough to find work at my age", "the welder", data.KindUnnamed, data.ConfidenceCheck},
			{"Now it is impossible", "the welder", data.KindUnnamed, data.ConfidenceCheck},
		}},

		{"a headline in sentence case sums up its opening; whom someone told is no speaker", `Bridge repairs 'will overrun' into spring
Repairs to the old toll bridge will not be finished before March, the county highways department has said.
Cllr Ann Briggs, who represents the riverside ward, told Radio Wessex: "People have waited long enough."
`, []wantQuote{
			{"will overrun", "the county highways department", data.KindOrganisation, data.ConfidenceCheck},
			{"People have waited long enough", "Ann Briggs", data.KindPerson, data.ConfidenceHigh},
		}},

		{"a quote closed by its full stop, then a new sentence reporting something else", `Ferry timetable delayed
Marta Quist, who runs the harbour board's planning office, gave few details of the new timetable.
"We are still counting the crossings," she said. "The figures will be out in June." Transport Secretary Owen Dale told councillors at a meeting in Kirkwall that the money for two new ferries was already set aside.
`, []wantQuote{
			{"We are still counting the crossings", "Marta Quist", data.KindPerson, data.ConfidenceHigh},
			{"The figures will be out in June", "Marta Quist", data.KindPerson, ""},
		}},

		{"“it said” is the organisation before a place named since", `Coastguard to review its alerts after harbour flooding
The Northern Coastguard Agency has said it will look again at the alerts it sent before the surge.
An orange alert was raised for the islands, while a lower alert was given for western Norway.
"The surge came in faster than any model showed," it said.
`, []wantQuote{
			{"The surge came in faster than any model showed", "Northern Coastguard Agency", data.KindOrganisation, data.ConfidenceCheck},
		}},

		{"“it said” is a place only when no organisation is named", `Drought talks stall
Talks on the river's water broke up without a deal, leaving farmers in southern Portugal short of water.
"There is nothing more to discuss," it said.
`, []wantQuote{
			{"There is nothing more to discuss", "Portugal", data.KindState, data.ConfidenceCheck},
		}},

		{"a phrase quoted from a document is not the words of the person quoted before", `Former mayor admits bribery
"I accept what I did was wrong," Ray Tolland said in a quiet voice, signing a settlement that said he had taken cash from two builders "in return for planning favours."
`, []wantQuote{
			{"I accept what I did was wrong", "Ray Tolland", data.KindPerson, data.ConfidenceHigh},
			{"in return for planning favours", "", "", data.ConfidenceCheck},
		}},

		{"“the Minister” is the one minister the story names", `Harbour levy to rise, Minister tells Parliament
Minister for Fisheries and Ports Tevita Lomani has told Parliament that the harbour levy will rise next year.
Opposition MP Sala Vunipola asked how small boat owners would pay.
"The levy has not changed in twelve years and the wharves are falling apart," the Minister said.
The Minister claims the rise will pay for two new slipways.
"Nobody wants to pay more, but the boats need somewhere safe to land."
`, []wantQuote{
			{"Nobody wants to pay more, but the boats need somewhere safe to land", "Tevita Lomani", data.KindPerson, data.ConfidenceCheck},
			{"The levy has not changed in twelve years and the wharves are falling apart", "Tevita Lomani", data.KindPerson, data.ConfidenceCheck},
		}},

		{"quotes under a topic heading are the manager's quoted before, not a club's in the heading", `Kessler relieved after late winner
Rovers manager Jonas Kessler spoke about the 2-1 win over Hartley Town in the fourth round of the cup.

"We made it hard for ourselves. The second half was not good enough," he told Radio Tyne after the game.

About the penalty Hartley Town wanted in the last minute:

"From where I stood it was a dive. The referee was close to it."

"I would say the same if it was one of my players."
`, []wantQuote{
			{"We made it hard for ourselves. The second half was not good enough", "Jonas Kessler", data.KindPerson, ""},
			{"From where I stood it was a dive. The referee was close to it", "Jonas Kessler", data.KindPerson, data.ConfidenceCheck},
			{"I would say the same if it was one of my players", "Jonas Kessler", data.KindPerson, data.ConfidenceCheck},
		}},

		{"quotes under a topic heading are those of the person the story says spoke", `Coach speaks after the draw
Head coach Marit Olsen spoke to reporters after the 0-0 draw with Vale Athletic.

On Vale Athletic's second goal, ruled out for offside:

"It was offside, no question. The linesman had a perfect view."

On Sunday the club's chairman, Piet Aalders, gave his view:

"We accept the result."
`, []wantQuote{
			{"It was offside, no question. The linesman had a perfect view", "Marit Olsen", data.KindPerson, data.ConfidenceCheck},
			{"We accept the result", "Piet Aalders", data.KindPerson, ""},
		}},

		{"a described speaker who gives a name is that person", `Landslide buries mountain village
"We heard the hill move in the night and then nothing," said a farmer who gave his name as Oruzgan.
"The road is gone, so the diggers cannot get through," said a rescue worker, who identified herself only as Lena.
`, []wantQuote{
			{"We heard the hill move in the night and then nothing", "Oruzgan", data.KindPerson, data.ConfidenceHigh},
			{"The road is gone, so the diggers cannot get through", "Lena", data.KindPerson, data.ConfidenceHigh},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Suggest(tt.text, speedPub)
			checkOffsets(t, tt.text, s)
			got := map[string]Quote{}
			for _, q := range s.Quotes {
				got[q.Text] = q
			}
			for _, w := range tt.quotes {
				q, ok := got[w.text]
				if !ok {
					t.Errorf("no passage %q", w.text)
					continue
				}
				delete(got, w.text)
				if q.Speaker != w.speaker || w.kind != "" && q.SpeakerKind != w.kind || w.conf != "" && q.Confidence != w.conf {
					t.Errorf("%q: %q (%s, %s; %s), want %q (%s, %s)", w.text, q.Speaker, q.SpeakerKind, q.Confidence, q.Why, w.speaker, w.kind, w.conf)
				}
				if q.Why == "" {
					t.Errorf("%q: no explanation", w.text)
				}
			}
			for text, q := range got {
				t.Errorf("not a quotation, suggested: %q (%s: %s)", text, q.Speaker, q.Why)
			}
		})
	}
}

// TestPatterns_Why: the explanation shows where the speaker was found, as
// the review shows it.
func TestPatterns_Why(t *testing.T) {
	s := Suggest("Campaign news\nJennifer Palmieri spoke first. \"It was a long night,\" vice presidential candidate Mike Pence said.\n\"We are ready,\" she said.\n", speedPub)
	if len(s.Quotes) != 2 {
		t.Fatalf("%d quotes", len(s.Quotes))
	}
	// The quote's closing mark closes the excerpt too: no stray mark after it.
	if w := s.Quotes[0].Why; w != `after the quote: “…," vice presidential candidate Mike Pence said` {
		t.Errorf("why %q", w)
	}
	if w := s.Quotes[1].Why; !strings.Contains(w, "she → Jennifer Palmieri, the last woman named") {
		t.Errorf("why %q", w)
	}
}
