# English UI strings for factsheet (the source language).
# Message ids are shared by every language; see README.md, "Translations".

## Site

site-title = Legal routes abroad
site-tagline = Fact sheets on legal ways to work, study or join family abroad
sample-disclaimer = Sample content: check every fact against the official sources before you rely on it.
choose-language = Choose your language
nav-home = Home
nav-destinations = Destinations
language-switcher = This page in other languages
language-label = Language
skip-to-content = Skip to content

## Destinations (ISO 3166-1 alpha-2)

country-at = Austria
country-ca = Canada
country-ch = Switzerland
country-de = Germany
country-hr = Croatia
country-it = Italy
country-us = United States

## Routes

route-work = Work
route-seasonal-work = Seasonal work
route-study = Study
route-family = Family reunification
route-diversity-visa = Diversity visa lottery

## Key-fact labels (a sheet's key_facts label `fee` is the message `fact-fee`)

fact-fee = Fee
fact-processing-time = Processing time
fact-quota = Quota
fact-duration = Duration of stay
fact-language = Language requirement
fact-salary = Minimum salary
fact-funds = Proof of funds
fact-application-period = When to apply
fact-who-applies = Who applies
fact-eligibility = Who can apply
fact-work-rights = Right to work

## Sheet page

key-facts-heading = Key facts
sources-heading = Official sources
contacts-heading = Contacts
last-reviewed = Last reviewed: { $date }
next-review = Next review due: { $date }
source-checked = checked { $date }
download-pdf = Download a printable handout (PDF)
download-booklet = Download all sheets for this country as a booklet (PDF)
contents-heading = Contents
sheets-count =
    { $count ->
        [one] { $count } fact sheet
       *[other] { $count } fact sheets
    }
qr-alt = QR code of the address { $url }
page-x-of-y = Page { $page } of { $total }

## Freshness and translation status

status-fresh = Up to date
status-due-soon = Review due soon
status-overdue = Review overdue
status-expired = Expired
status-invalid-date = Invalid date
translation-current = Translation current
translation-outdated = Translation outdated
translation-missing = Not translated
warning-overdue =
    This information was due for review on { $date } and may be out of date. Check the official sources before you act on it.
warning-overdue-days =
    { $days ->
        [one] The review is { $days } day late.
       *[other] The review is { $days } days late.
    }
warning-expired = This information was valid only until { $date }. Do not rely on it: check the official sources for the current rules.
warning-outdated = The original of this page has changed since it was translated. This translation may be out of date; the { $language } version is the reference.
section-changed = This part has changed in the { $language } text.
fallback-notice = This page is not yet available in { $requested }. It is shown in { $shown }.
handout-shortened = This handout leaves out part of the text, which is too long to print. Read all of it at { $url }.

## Search

search-label = Search the fact sheets
search-button = Search
search-results =
    { $count ->
        [one] { $count } result
       *[other] { $count } results
    }
search-no-results = No fact sheet matches your search.
search-all = All fact sheets, A–Z

## Errors

not-found-title = Page not found
not-found-text = This page does not exist. It may have moved: start again from the home page.

## Updates, facts bound in time, printout versions

nav-changes = Updates
checked-on = Checked against official sources on { $date }
updated-on = Updated { $date }: { $note }
all-updates = All updates
all-updates-heading = All updates to this page
note-in-language = (in { $language })
changes-title = Updates to the fact sheets
changes-intro = What changed on the fact sheets, newest first. Each entry links to its sheet.
changes-none = No updates have been published yet.
destination-feed = Updates on { $country } (Atom feed)
site-feed = Updates on all fact sheets (Atom feed)
feed-updated = { $title }: updated
feed-reviewed = { $title }: checked against official sources
feed-reviewed-text = The facts on this sheet were checked against the official sources on { $date }.
fact-from = From { $date }
fact-expired-mark = No longer valid since { $date }: check the official sources.
printout-version = Version { $id }, { $date }
printout-scan = Scan the code to see whether this printout is still current.
printout-current = The printout you have is current.
printout-old = Your printout is from { $date }. Since then:
printout-revised = This page has been revised or checked again since then: read this page instead of the printout.

## Sharing

share-heading = Share this page
share-text = { $title } (checked { $date }): { $url }
share-email = E-mail

## Free advice: Migrant Service Centres (content/centres.yaml)

nav-centres = Free advice
centres-title = Where to get free advice
centres-intro = Migrant Service Centres give free, personal advice on legal ways to work, study or join your family abroad, and on the risks of irregular migration. Visit or call the one nearest to you.
centre-hours-heading = Opening hours
centre-hours = { $days }: { $opens }–{ $closes }
centre-languages = Languages spoken: { $languages }
advice-heading = Free, personal advice
advice-text = For advice on your own situation, free of charge, contact a Migrant Service Centre:

## Visitor packs (factsheet pack, and the form in serve)

pack-title = Your fact sheets
pack-prepared = Prepared for you on { $date }
pack-topics = Your topics
pack-your-centre = Your Migrant Service Centre
pack-also = followed by the same sheet in { $language }
pack-form-title = Print a pack for a visitor
pack-form-intro = Tick the visitor's topics. The pack has a cover with your centre's address and hours, then each sheet in this page's language, and, if you choose one, in a second language right after it.
pack-form-sheets = Topics
pack-form-also = Second language
pack-form-no-second = None
pack-form-centre = Centre
pack-form-submit = Make the PDF
pack-form-error = Choose at least one topic, and only the languages and centres offered here.

## Route finder (content/finder.yaml): the pages, then each question's wording

finder-nav = Which routes are open to me?
finder-title = Which legal routes are open to me?
finder-intro = Answer a few questions to see which fact sheets fit you. Nothing you choose is stored.
finder-your-answers = Your answers
finder-change = Change
finder-back = Back
finder-restart = Start again
finder-outcome-title = Your result
finder-results = Sheets that fit your answers
finder-near = Sheets that miss by one condition
finder-safety-heading = Stay safe
finder-safety-irregular = Working or staying without the right visa or permit can lead to removal and a ban on returning for years, and leaves you without protection against exploitation.
finder-safety-fraud = A fraudulent offer asks you to pay for a job, a visa, a quota place or an appointment, promises a sure visa, or comes from a company you cannot check. Official applications are made only on the official sites named on each sheet.
finder-pack = Print a pack of these sheets

finder-q-citizenship = What is your citizenship?
finder-a-citizenship-al = Albania
finder-a-citizenship-ba = Bosnia and Herzegovina
finder-a-citizenship-me = Montenegro
finder-a-citizenship-mk = North Macedonia
finder-a-citizenship-rs = Serbia
finder-a-citizenship-xk = Kosovo
finder-a-citizenship-hr = Croatia (an EU state)
finder-a-citizenship-other = Another country
finder-q-purpose = What do you want to do abroad?
finder-a-purpose-work = Work
finder-a-purpose-seasonal = Seasonal work, for a few months
finder-a-purpose-study = Study
finder-a-purpose-family = Join my family
finder-q-joboffer = Do you have a job offer from an employer in the country where you want to work?
finder-a-joboffer-yes = Yes
finder-a-joboffer-no = No, not yet
finder-needs-joboffer = needs a job offer
finder-q-qualification = Do you have a university degree or a recognised vocational qualification?
finder-a-qualification-yes = Yes
finder-a-qualification-no = No
finder-needs-qualification = needs a degree or a recognised qualification
finder-q-family = Does your husband, wife or parent live in the country you want to go to?
finder-a-family-citizen = Yes, as a citizen of that country
finder-a-family-resident = Yes, with a residence permit there
finder-a-family-no = No
finder-needs-family = needs a husband, wife or parent who lives there
finder-o-eu-citizen = As a citizen of an EU state you may live and work in the EU without a visa or a work permit: in Germany, Croatia, Italy and every other EU state. Register where you live, as the local authorities require.
finder-o-no-route = No legal route in these sheets fits your answers. That does not mean that there is none: a Migrant Service Centre can look at your situation with you, free of charge.
