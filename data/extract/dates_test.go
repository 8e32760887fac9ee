package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/quoteline/quoteline/data"
)

// TestFindDates_Context: what the words around a date say about it, in the
// ways news writes them (sentences written for this test). Each row is a
// text, its publication date and the one date expected in it.
func TestFindDates_Context(t *testing.T) {
	tests := []struct {
		name, text, pub, expr, from, to string
	}{
		{"since names the point", "He has not been seen in public since July 26.", "2006-12-15", "since July 26", "2006-07-26", ""},
		{"since a month and year", "Its first rate change since June 2004 surprised markets.", "2005-12-15", "since June 2004", "2004-06", ""},
		{"a month then last year", "The second test in October last year was drawn.", "2005-12-03", "in October last year", "2004-10", ""},
		{"a day then last year", "A resident complained on June 21 last year.", "2006-11-22", "June 21 last year", "2005-06-21", ""},
		{"a month of next year", "Franchises will not be renewed after October of next year.", "2009-05-15", "after October of next year", "2010-10", ""},
		{"a weekday is never moved to last year", "Profit rose from the same period last year, the bank announced Thursday.", "1997-04-10", "Thursday", "1997-04-10", ""},
		{"a comparison year does not move the month", "Exports fell 26.8 percent from a year earlier but rose from February, the ministry said.", "1997-04-17", "from February", "1997-02", ""},
		{"present tense of a schedule", "The front faces a vote of confidence in parliament on April 11.", "1997-04-03", "April 11", "1997-04-11", ""},
		{"a term that expires", "Everyone urged the governor, whose term expires in September, to stay.", "1997-04-15", "in September", "1997-09", ""},
		{"what would have been", "The leader would have been 85 on April 15.", "1997-04-25", "April 15", "1997-04-15", ""},
		{"an event to be held", "The company announced today another event to be held on October 12.", "2005-10-04", "October 12", "2005-10-12", ""},
		{"ahead of an election", "Factions plotted ahead of the presidential election in December.", "1997-04-11", "in December", "1997-12", ""},
		{"a date a week ahead, no tense", "Talks during the president's visit on Nov. 29, a spokesman said.", "2006-11-23", "Nov. 29", "2006-11-29", ""},
		{"a possessive weekday", "Bayern crashed out after Tuesday's match.", "2006-12-02", "Tuesday", "2006-11-28", ""},
		{"from a day abbreviated", "The price rises apply from Nov. 15.", "2006-11-28", "Nov. 15", "2006-11-15", ""},
		{"the end of a month", "Strength will fall to 1,600 by the end of May.", "1997-04-21", "by the end of May", "1997-05", ""},
		{"the end of the year is the year", "Troops will leave by the end of the year.", "2005-11-23", "by the end of the year", "2005?", ""},
		{"earlier this month is the month", "He returned to Malaysia earlier this month.", "2006-12-17", "earlier this month", "2006-12?", ""},
		{"as of a month", "As of October, sales were down four percent.", "2006-12-03", "As of October", "2006-10", ""},
		{"a month that dates a noun", "The breakthroughs in the March talks were real.", "1997-04-21", "the March", "1997-03", ""},
		{"a month after another", "He attended briefings in January and February.", "1997-04-03", "and February", "1997-02", ""},
		{"a possessive month", "The deaths brought December's toll to 99.", "2006-12-28", "December's", "2006-12", ""},
		{"the previous month counts back from the month named", "The gain in September was down from the previous month.", "2005-11-16", "the previous month", "2005-08", ""},
		{"a cause is no schedule", "Two soldiers died due to wounds in Anbar on Saturday.", "2006-11-26", "on Saturday", "2006-11-25", ""},
		{"until a day to come", "The government has continued to keep the markets closed until Friday.", "2008-09-18", "until Friday", "2008-09-19", ""},
		{"the current year", "Profit for the current fiscal year is likely to top forecasts.", "2005-11-04", "the current fiscal year", "2005", ""},
		{"a year written short", "Stocks fell to the lowest level since '82.", "2008-10-27", "since '82", "1982", ""},
		{"a year earlier", "Net income was $14 million, against $18 million a year earlier.", "1989-11-02", "a year earlier", "1988", ""},
		{"a week ago", "The quake hit the country a week ago.", "2011-03-18", "a week ago", "2011-03-11?", ""},
		{"quoted today", "\"Today we received the results,\" the minister said.", "2005-12-03", "Today", "2005-12-03", ""},
		{"next to is a place, not a plan", "Two men were led into a hall next to the embassy in the raid Tuesday.", "1997-04-25", "Tuesday", "1997-04-22", ""},
		{"set the tone is the past of set", "The envoy set the tone on Tuesday when he told the committee the plan was dead.", "1997-04-10", "on Tuesday", "1997-04-08", ""},
		{"set up leaves the tense to will", "The new council will be formally set up on Sunday.", "2006-11-04", "on Sunday", "2006-11-05", ""},
		{"a present passive is a schedule", "Prizes are announced Tuesday in Stockholm.", "2005-12-12", "Tuesday", "2005-12-13", ""},
		{"needed by a month to come", "Half of the money is needed by December to keep the clinics open.", "2005-11-12", "by December", "2005-12", ""},
		{"accused of what was done", "The driver is accused of hitting two cyclists on Sunday.", "2006-11-22", "on Sunday", "2006-11-19", ""},
		{"an hour then its day", "The fire broke out at 9:40 p.m. Sunday at a warehouse run by a shipping firm.", "2005-11-28", "Sunday", "2005-11-27", ""},
		{"a reported clause keeps its own tense", "The governor said Tuesday that Sunday's referendum will go ahead.", "2005-11-29", "Sunday", "2005-12-04", ""},
		{"the second of two days follows the first", "A successor may be chosen late Friday or early Saturday.", "1997-04-18", "early Saturday", "1997-04-19", ""},
		{"the day of one statement", "The airline said in a Wednesday news release that flights would resume.", "2010-10-23", "Wednesday", "2010-10-20", ""},
		{"the middle of a year", "The refinery was sold in mid-1988 to a rival.", "1989-10-27", "in mid-1988", "1988", ""},
		{"the end of the year written short", "The company expects to finish the sale by year-end.", "1989-10-27", "by year-end", "1989?", ""},
		{"a plan that is a noun", "The government announced the plan Thursday, a day after the vote.", "1989-10-27", "Thursday", "1989-10-26", ""},
		{"the same year as the one before", "The club was founded in 1902. In the same year it won the league.", "2005-12-03", "In the same year", "1902", ""},
		{"that year with no year before is no date", "The club won the league that year.", "2005-12-03", "", "", ""},
		{"later that day", "A body was found in the woods on Sunday. Later that day, a second was found.", "2006-12-13", "that day", "2006-12-10", ""},
		{"a month of that year", "Sterling was devalued in 1976. In September that year, the minister resigned.", "2006-12-29", "In September that year", "1976-09", ""},
		{"the same month of last year", "Traffic rose in October, up 3 points from the same month of last year.", "2005-11-15", "the same month of last year", "2004-10", ""},
		{"the same month of a year named", "Prices fell in October, tying the fall in the same month of 2001.", "2006-11-14", "in the same month of 2001", "2001-10", ""},
		{"the end of the year with a possessive", "The talks should open by the year's end.", "2005-11-02", "by the year's end", "2005?", ""},
		{"a month that dates a plural noun", "The minister quit ahead of January's elections.", "2006-12-11", "of January", "2007-01", ""},
		{"Today after a stop in a quotation", "\"We were poor. Today we have a plan,\" he said.", "2005-12-17", "Today", "2005-12-17", ""},
		{"the day of an edition", "The Times reported in its Monday edition that he had resigned.", "2006-12-19", "Monday", "2006-12-18", ""},
		{"a contract month is to come", "Light crude for December delivery closed up 48 cents.", "2006-11-15", "for December", "2006-12", ""},
		{"the month compared with is of before", "The index is forecast to dip to 19 in December from 20 in October.", "2006-12-14", "in October", "2006-10", ""},
		{"a framing year gives way to the clause's own past", "Output will grow next year, less than the bank predicted in April.", "2005-11-03", "in April", "2005-04", ""},
		{"than expected is no plan", "Wages grew faster than expected in October, the figures showed.", "2005-11-10", "in October", "2005-10", ""},
		{"an irregular past in a relative clause", "The winger, who underwent surgery in November, will miss the tour.", "2006-12-28", "in November", "2006-11", ""},
		{"matches kick off", "The other cup ties kick off on Wednesday.", "2005-11-29", "on Wednesday", "2005-11-30", ""},
		{"a visit is a noun after a possessive", "The premier 's visit from Oct. 29 to Nov. 2 was fruitful.", "2006-11-03", "from Oct. 29 to Nov. 2", "2006-10-29", "2006-11-02"},
		{"years joined by a dash in one word", "The war of 1992-1995 left the town in ruins.", "2005-12-12", "1992-1995", "1992", "1995"},
		{"Christmas Day that dates a sermon", "In his Christmas Day sermon, the archbishop spoke of peace.", "2006-12-26", "Christmas Day", "2006-12-25", ""},
		{"home for Christmas", "The troops will be home for Christmas.", "2006-12-11", "for Christmas", "2006-12-25", ""},
		{"the next day after a day named", "Police arrived on Sunday. The next day, they arrested two men.", "2006-12-13", "The next day", "2006-12-11", ""},
		{"the day before a day named", "The vote was held on March 3. The day before, protesters marched.", "2006-12-13", "The day before", "2006-03-02", ""},
		{"the next day with none named is no date", "The next day, they arrested two men.", "2006-12-13", "", "", ""},
		{"Thanksgiving is a Thursday of November", "The store will open on Thanksgiving Day.", "1998-10-20", "on Thanksgiving Day", "1998-11-26", ""},
		{"a past Labor Day", "The strike began on Labor Day.", "1998-10-20", "on Labor Day", "1998-09-07", ""},
		{"Election Day of a year named", "The results of Election Day 1998 surprised many.", "1999-01-05", "Election Day 1998", "1998-11-03", ""},
		{"a range stays a range", "Aircraft will arrive between 2014 and 2016.", "2007-06-09", "between 2014 and 2016", "2014", "2016"},
		{"a day of the coming weeks after a past verb", "The minister had hoped to sign the treaty before flying to Oslo on May 14.", "2001-04-20", "May 14", "2001-05-14", ""},
		{"a day of the year before when the coming one is months away", "Rebels seized the town on July 27 after a week of fighting.", "2001-04-10", "July 27", "2000-07-27", ""},
		{"a January of the year of publication after a past verb", "The new tariff took effect on Jan. 1 and has cut imports by half.", "2003-11-18", "Jan. 1", "2003-01-01", ""},
		{"a January written in late December is the coming one", "The court adjourned the case and fixed Jan. 12 as the date of the trial.", "2003-12-27", "Jan. 12", "2004-01-12", ""},
		{"an event dated by a day, then last year", "Aid has still not reached villages hit by the December 26 tsunami last year.", "2005-11-08", "December 26", "2004-12-26", ""},
		{"a plan of weeks ago is not one of next year", "The stay was to end on November 21, but the judges have now lifted it.", "2005-12-16", "November 21", "2005-11-21", ""},
		{"a record that was set", "The price beat the record that was set on Tuesday.", "2007-10-20", "on Tuesday", "2007-10-16", ""},
		{"a vote named by its house is a noun", "Analysts said the Senate vote on Monday showed the rebels were few.", "2005-11-08", "on Monday", "2005-11-07", ""},
		{"said to be is no plan", "The long operation on Wednesday, which is said to be the first of its kind, went well.", "2006-11-17", "on Wednesday", "2006-11-15", ""},
		{"a clause after a comma is about the noun", "The town got a new mayor on Sunday, who faces a hard winter.", "2005-11-28", "on Sunday", "2005-11-27", ""},
		{"a contract month after delivery", "Heating oil for delivery in January fell two cents.", "2005-12-12", "in January", "2006-01", ""},
		{"a dividend payable on a day", "The board declared a dividend payable Jan. 15 to holders of record.", "1989-11-02", "Jan. 15", "1990-01-15", ""},
		{"a hope said on a weekday", "The coach had said he hoped to stay on as captain on Monday.", "2006-12-19", "on Monday", "2006-12-18", ""},
		{"contracts signed in a month", "The firms were awarded contracts in June for the work.", "2005-12-14", "in June", "2005-06", ""},
		{"a past hope looks ahead", "Negotiators hoped to finish a draft in May, an aide said.", "1997-04-08", "in May", "1997-05", ""},
		{"a month then in a year", "The forum first met in December in 1999 after the crisis.", "2006-11-18", "in December in 1999", "1999-12", ""},
		{"a year in an aside does not frame the month", "The carmaker, which lost money last year, in July extended a loan.", "2006-11-15", "in July", "2006-07", ""},
		{"the past decades are no period", "Training has been a part of the work in the past decades.", "2006-11-04", "", "", ""},
		{"a period through a month, then its verb", "Sales for the year through September rose 4 percent.", "1989-11-02", "through September", "1989-09", ""},
		{"days of one week joined by through", "The meeting, being held Thursday through Saturday, was organized by the union.", "2005-12-15", "through Saturday", "2005-12-17", ""},
		{"what is awaited is to come", "Investors await Tuesday's trade figures.", "1989-10-30", "Tuesday", "1989-10-31", ""},
		{"what is expected is to come", "Prices rose Monday, and traders expect more gains Wednesday.", "1989-10-31", "Wednesday", "1989-11-01", ""},
		{"with no verb, the coming day when nearer", "Workers face fines if they miss the 31 March deadline for their returns.", "2006-11-09", "31 March", "2007-03-31", ""},
		{"with no verb, the day before it in the sentence gives the year", "The church ordained one priest on April 30 in the north, and after a long and bitter quarrel among its many members another one in the south on May 3.", "2006-12-01", "May 3", "2006-05-03", ""},
		{"the day of a session named before", "The index rose on Friday. It ended the day at 8,110, up 2 percent.", "2009-04-04", "the day", "2009-04-03", ""},
		{"late in the day", "Shares slid on Monday but recovered late in the day.", "2009-04-08", "the day", "2009-04-06", ""},
		{"a session with no day named is no date", "The index ended the day at 8,110.", "2009-04-04", "", "", ""},
		{"an infinitive of result is no plan", "The skater fell twice to finish fourth Saturday.", "2005-12-04", "Saturday", "2005-12-03", ""},
		{"the first to arrive", "First to arrive Friday was the minister from Algiers.", "2005-12-10", "Friday", "2005-12-09", ""},
		{"a date in a clause opened by who", "He was to be followed by the president, who on his arrival late Friday called for calm.", "2005-12-03", "late Friday", "2005-12-02", ""},
		{"a day that falls on a weekday", "The plan will be shown on the feast, which falls on Friday, at a rally in the capital.", "2006-11-29", "on Friday", "2006-12-01", ""},
		{"a weekday's thing is of the weekday named before", "Unions called a strike for Thursday. On Tuesday they sought support for Thursday's strike.", "2005-11-29", "Thursday", "2005-12-01", ""},
		{"could have a thing is ahead", "The feud could have big consequences in November, a pollster said.", "2016-04-22", "in November", "2016-11", ""},
		{"would have with a participle is the past", "Without fuel, prices would have risen by 0.1 percent in October.", "2006-11-14", "in October", "2006-10", ""},
		{"the clause reported after a date is not its", "The general, claiming on Tuesday that the plant would be ready soon, left.", "2005-12-14", "on Tuesday", "2005-12-13", ""},
		{"as of a day in a clause opened by which", "Someone changed the sign, which as of Sunday had been set back.", "2015-12-28", "Sunday", "2015-12-27", ""},
		{"a day, then a verb and last year", "The plant opened on March 4, three weeks later than last year.", "2005-11-08", "March 4", "2005-03-04", ""},
		// A from ending in "?" is a date that must be marked uncertain.
		{"a vague count of years ago is a guess", "Divers first found the wreck several years ago, the museum said.", "2013-09-19", "several years ago", "2010?", ""},
		{"a few months ago is a guess", "The mayor quietly dropped the plan a few months ago.", "2015-06-10", "a few months ago", "2015-03?", ""},
		{"some months ago is a guess", "Some months ago the union walked out of the talks.", "2012-11-20", "Some months ago", "2012-08?", ""},
		{"a counted number of years ago is exact", "The bridge was closed two years ago.", "2013-09-19", "two years ago", "2011", ""},
		{"the last months of a year named are in that year", "The firm booked charges of 90 million in the last three months of 2011.", "2012-02-02", "in the last three months", "2011-10", "2011-12"},
		{"the first half of a year named", "Sales slowed in the first half of 2019, the report showed.", "2019-08-01", "in the first half", "2019-01", "2019-06"},
		{"the final quarter of last year", "Growth stalled during the final quarter of last year.", "2016-02-15", "during the final quarter", "2015-10", "2015-12"},
		{"two past weekdays told in order", "Alerts were raised on Monday and lifted on Wednesday after the river fell.", "2019-03-05", "on Monday", "2019-02-25", ""},
		{"the second of two past weekdays stays", "Alerts were raised on Monday and lifted on Wednesday after the river fell.", "2019-03-05", "on Wednesday", "2019-02-27", ""},
		{"a month after an -ing verb is before the clause", "The bank is under review after admitting in November that its books were wrong.", "2010-04-20", "in November", "2009-11", ""},
		{"this week on a Sunday, of what is to come", "Senators are racing to finish the budget this week.", "2017-12-17", "this week", "2017-12-18", "2017-12-24"},
		{"this week on a Sunday, of what was done", "Senators passed the budget this week.", "2017-12-17", "this week", "2017-12-11", "2017-12-17"},
		{"a credit in parentheses is no event", "Crews cleared the road on Tuesday (Image: Jane Roe, March 2, 2020).", "2020-03-05", "on Tuesday", "2020-03-03", ""},
		{"last fall is the fall over before publication", "The factory closed last fall.", "2008-03-10", "last fall", "2007-09", "2007-11"},
		{"the spring in a plan is the coming one", "The rovers will be ready in the spring, the agency said.", "2023-11-20", "in the spring", "2024-03", "2024-05"},
		{"the spring in a report is the last one", "The rovers were tested in the spring.", "2023-11-20", "in the spring", "2023-03", "2023-05"},
		{"next summer", "The games open next summer.", "2011-07-15", "next summer", "2012-06", "2012-08"},
		{"a season of a year named", "The bridge will stay shut through the summer of 2027.", "2026-03-02", "through the summer", "2027-06", "2027-08"},
		{"this summer written in the autumn is the one gone", "Crowds were thin this summer.", "2006-11-27", "this summer", "2006-06", "2006-08"},
		{"this winter written in the autumn is the one to come", "Gas may run short this winter.", "2005-11-23", "this winter", "2005-12", "2006-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pub, err := data.ParseTime(tt.pub)
			if err != nil {
				t.Fatal(err)
			}
			var found *DateMention
			got := findDates(newLayout(tt.text), pub)
			for i := range got {
				if got[i].Expression == tt.expr {
					found = &got[i]
				}
			}
			if tt.expr == "" {
				if len(got) != 0 {
					t.Errorf("dates %+v, want none", got)
				}
				return
			}
			if found == nil {
				t.Fatalf("no %q in %+v", tt.expr, got)
			}
			from, uncertain := strings.CutSuffix(tt.from, "?")
			if found.From.String() != from || found.To.String() != tt.to {
				t.Errorf("%q: %s to %s, want %s to %s", tt.expr, found.From, found.To, from, tt.to)
			}
			if found.Uncertain != uncertain {
				t.Errorf("%q: uncertain %v, want %v", tt.expr, found.Uncertain, uncertain)
			}
		})
	}
}

// TestFindDates_NotDates: names of days and weeks that are no date.
func TestFindDates_NotDates(t *testing.T) {
	pub := data.Time{Unix: time.Date(2007, 10, 20, 0, 0, 0, 0, time.UTC).Unix(), Precision: data.PrecisionDay}
	for _, text := range []string{
		"Markets tumble on the Black Monday anniversary.",
		"Candidates campaign before Super Tuesday.",
		"The April Fools joke fooled nobody.",
		"She made the rounds of the Sunday shows.",
		"Riots hit the resort city of Mar del Plata.",
		"A new USA TODAY poll shows a close race.",
		"The senator visited NBC’s “Today” to explain his remarks.",
		"Leaders of the June 4 movement met in secret.",
		"Prices fell the day after the vote.",
		"Prices fell on the day of the vote.",
		"They closed the day care center for good.",
		"Shoppers bought Christmas presents early.",
		"He will celebrate his third Christmas in England.",
		"\"Merry Christmas,\" the mayor said.",
		"Rescuers at the harbour wall, June 4, 2021. Screengrab.",
		"The minister at the summit (Photo: Jane Roe, March 2, 2020).",
		"Since the fall of the Berlin Wall, trade has grown.",
		"Prices fall in the morning as traders sell.",
		"Crowds gathered for the Spring Festival.",
		"The Arab Spring toppled rulers.",
		"In the winter the lake freezes over.",
		"The season turned from spring to summer.",
		"Tourists leave in the winter months.",
		"The fall was the steepest in a decade.",
		"She hoped it would be the last winter of the war.",
		"We were told this was the last winter we would spend here.",
	} {
		if got := findDates(newLayout(text), pub); len(got) != 0 {
			t.Errorf("%q: %+v", text, got)
		}
	}
}
