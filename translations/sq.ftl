# Albanian (sq) UI strings for factsheet, translated from en.ftl.
# Message ids are shared by every language; see README.md, "Translations".

## Site

site-title = Rrugë të ligjshme për jashtë vendit
site-tagline = Fletë informative për mënyrat e ligjshme për të punuar, për të studiuar ose për t'u bashkuar me familjen jashtë vendit
sample-disclaimer = Përmbajtje shembull: verifikoni çdo të dhënë në burimet zyrtare përpara se të mbështeteni në të.
choose-language = Zgjidhni gjuhën tuaj
nav-home = Kreu
nav-destinations = Destinacionet
language-switcher = Kjo faqe në gjuhë të tjera
language-label = Gjuha
skip-to-content = Kalo te përmbajtja

## Destinations (ISO 3166-1 alpha-2)

country-at = Austria
country-ca = Kanadaja
country-ch = Zvicra
country-de = Gjermania
country-hr = Kroacia
country-it = Italia
country-us = Shtetet e Bashkuara

## Routes

route-work = Punë
route-seasonal-work = Punë sezonale
route-study = Studime
route-family = Bashkim familjar
route-diversity-visa = Lotaria e vizave të diversitetit

## Key-fact labels (a sheet's key_facts label `fee` is the message `fact-fee`)

fact-fee = Tarifa
fact-processing-time = Koha e shqyrtimit
fact-quota = Kuota
fact-duration = Kohëzgjatja e qëndrimit
fact-language = Njohja e gjuhës që kërkohet
fact-salary = Paga minimale
fact-funds = Dëshmi e mjeteve financiare
fact-application-period = Kur të aplikoni
fact-who-applies = Kush aplikon
fact-eligibility = Kush mund të aplikojë
fact-work-rights = E drejta për të punuar

## Sheet page

key-facts-heading = Të dhënat kryesore
sources-heading = Burimet zyrtare
contacts-heading = Kontaktet
last-reviewed = Rishikuar së fundi: { $date }
next-review = Rishikimi i radhës: { $date }
source-checked = kontrolluar më { $date }
download-pdf = Shkarkoni një fletë për printim (PDF)
download-booklet = Shkarkoni të gjitha fletët për këtë vend si broshurë (PDF)
contents-heading = Përmbajtja
sheets-count =
    { $count ->
        [one] { $count } fletë informative
       *[other] { $count } fletë informative
    }
qr-alt = Kod QR i adresës { $url }
page-x-of-y = Faqja { $page } nga { $total }

## Freshness and translation status

status-fresh = E përditësuar
status-due-soon = Rishikim së shpejti
status-overdue = Rishikim i vonuar
status-expired = E skaduar
status-invalid-date = Datë e pavlefshme
translation-current = Përkthimi është i përditësuar
translation-outdated = Përkthimi është i vjetëruar
translation-missing = Nuk është përkthyer
warning-overdue =
    Ky informacion duhej rishikuar më { $date } dhe mund të jetë i vjetëruar. Kontrolloni burimet zyrtare përpara se të veproni mbi bazën e tij.
warning-overdue-days =
    { $days ->
        [one] Rishikimi ka { $days } ditë vonesë.
       *[other] Rishikimi ka { $days } ditë vonesë.
    }
warning-expired = Ky informacion ishte i vlefshëm vetëm deri më { $date }. Mos u mbështetni në të: kontrolloni burimet zyrtare për rregullat aktuale.
warning-outdated = Origjinali i kësaj faqeje ka ndryshuar që kur u përkthye. Ky përkthim mund të jetë i vjetëruar; versioni i referencës është ai në gjuhën { $language }.
section-changed = Kjo pjesë ka ndryshuar në tekstin në gjuhën { $language }.
fallback-notice = Kjo faqe nuk është ende e disponueshme në gjuhën { $requested }. Po shfaqet në gjuhën { $shown }.
handout-shortened = Kjo fletë për printim nuk e përmban gjithë tekstin, sepse është shumë i gjatë. Lexojeni të plotë në { $url }.

## Search

search-label = Kërkoni në fletët informative
search-button = Kërko
search-results =
    { $count ->
        [one] { $count } rezultat
       *[other] { $count } rezultate
    }
search-no-results = Asnjë fletë informative nuk përputhet me kërkimin tuaj.
search-all = Të gjitha fletët informative, sipas alfabetit

## Errors

not-found-title = Faqja nuk u gjet
not-found-text = Kjo faqe nuk ekziston. Mund të jetë zhvendosur: filloni përsëri nga faqja kryesore.

## Updates, facts bound in time, printout versions

nav-changes = Përditësimet
checked-on = Kontrolluar në burimet zyrtare më { $date }
updated-on = Përditësuar më { $date }: { $note }
all-updates = Të gjitha përditësimet
all-updates-heading = Të gjitha përditësimet e kësaj faqeje
note-in-language = (në gjuhën: { $language })
changes-title = Përditësimet e fletëve informative
changes-intro = Çfarë ka ndryshuar në fletët informative, duke filluar nga ndryshimet më të reja. Çdo shënim ju çon te fleta përkatëse.
changes-none = Ende nuk është publikuar asnjë përditësim.
destination-feed = { $country }: përditësimet (Atom feed)
site-feed = Përditësimet e të gjitha fletëve informative (Atom feed)
feed-updated = { $title }: u përditësua
feed-reviewed = { $title }: u kontrollua në burimet zyrtare
feed-reviewed-text = Të dhënat e kësaj flete u kontrolluan në burimet zyrtare më { $date }.
fact-from = Në fuqi nga { $date }
fact-expired-mark = Nuk është më në fuqi që nga { $date }: kontrolloni burimet zyrtare.
printout-version = Versioni { $id }, { $date }
printout-scan = Skanoni kodin për të parë nëse kjo fletë e printuar është ende e përditësuar.
printout-current = Fleta e printuar që keni është e përditësuar.
printout-old = Fleta juaj është printuar më { $date }. Ndryshimet që atëherë:
printout-revised = Që atëherë kjo faqe është ndryshuar ose kontrolluar përsëri: lexoni këtë faqe dhe jo fletën e printuar.

## Sharing

share-heading = Shpërndajeni këtë faqe
share-text = { $title } (kontrolluar më { $date }): { $url }
share-email = Email

## Free advice: Migrant Service Centres (content/centres.yaml)

nav-centres = Këshillim falas
centres-title = Ku të merrni këshillim falas
centres-intro = Sportelet e Migracionit ofrojnë këshillim individual falas për mënyrat e ligjshme për të punuar, për të studiuar ose për t'u bashkuar me familjen tuaj jashtë vendit, si dhe për rreziqet e migracionit të parregullt. Vizitoni ose telefononi sportelin më të afërt.
centre-hours-heading = Orari i punës
centre-hours = { $days }: { $opens }–{ $closes }
centre-languages = Gjuhët që fliten: { $languages }
advice-heading = Këshillim individual falas
advice-text = Për këshilla falas për situatën tuaj personale, kontaktoni një Sportel të Migracionit:

## Visitor packs (factsheet pack, and the form in serve)

pack-title = Fletët tuaja informative
pack-prepared = Përgatitur për ju më { $date }
pack-topics = Temat tuaja
pack-your-centre = Sporteli juaj i Migracionit
pack-also = pasuar nga e njëjta fletë në gjuhën { $language }
pack-form-title = Printoni një paketë me fletë për një vizitor
pack-form-intro = Shënoni temat e vizitorit. Në kopertinën e paketës janë adresa dhe orari i sportelit tuaj, pastaj vjen çdo fletë në gjuhën e kësaj faqeje dhe, nëse zgjidhni edhe një gjuhë të dytë, menjëherë pas çdo flete e njëjta fletë në atë gjuhë.
pack-form-sheets = Temat
pack-form-also = Gjuha e dytë
pack-form-no-second = Asnjë
pack-form-centre = Sporteli
pack-form-submit = Krijo PDF-në
pack-form-error = Zgjidhni të paktën një temë dhe vetëm nga gjuhët dhe sportelet që ofrohen këtu.

## Route finder (content/finder.yaml): the pages, then each question's wording

finder-nav = Cilat rrugë janë të hapura për mua?
finder-title = Cilat rrugë të ligjshme janë të hapura për mua?
finder-intro = Përgjigjuni disa pyetjeve për të parë cilat fletë informative ju përshtaten. Asgjë nga ato që zgjidhni nuk ruhet.
finder-your-answers = Përgjigjet tuaja
finder-change = Ndrysho
finder-back = Prapa
finder-restart = Fillo nga e para
finder-outcome-title = Rezultati juaj
finder-results = Fletët që u përshtaten përgjigjeve tuaja
finder-near = Fletët që nuk përshtaten vetëm për një kusht
finder-safety-heading = Kini kujdes
finder-safety-irregular = Të punosh ose të qëndrosh pa vizën ose lejen e duhur mund të çojë në largim dhe në ndalim hyrjeje për vite, dhe të lë pa mbrojtje kundër shfrytëzimit.
finder-safety-fraud = Një ofertë mashtruese ju kërkon të paguani për një punë, një vizë, një vend në kuotë ose një takim, premton një vizë të sigurt, ose vjen nga një firmë që nuk mund ta verifikoni. Aplikimet zyrtare bëhen vetëm në faqet zyrtare të përmendura në çdo fletë.
finder-pack = Printo një paketë me këto fletë

finder-q-citizenship = Cila është shtetësia juaj?
finder-a-citizenship-al = Shqipëria
finder-a-citizenship-ba = Bosnja dhe Hercegovina
finder-a-citizenship-me = Mali i Zi
finder-a-citizenship-mk = Maqedonia e Veriut
finder-a-citizenship-rs = Serbia
finder-a-citizenship-xk = Kosova
finder-a-citizenship-hr = Kroacia (shtet i BE-së)
finder-a-citizenship-other = Një vend tjetër
finder-q-purpose = Çfarë doni të bëni jashtë vendit?
finder-a-purpose-work = Të punoj
finder-a-purpose-seasonal = Punë sezonale, për disa muaj
finder-a-purpose-study = Të studioj
finder-a-purpose-family = Të bashkohem me familjen
finder-q-joboffer = A keni një ofertë pune nga një punëdhënës në vendin ku doni të punoni?
finder-a-joboffer-yes = Po
finder-a-joboffer-no = Jo, ende jo
finder-needs-joboffer = kërkon një ofertë pune
finder-q-qualification = A keni diplomë universitare ose një kualifikim profesional të njohur?
finder-a-qualification-yes = Po
finder-a-qualification-no = Jo
finder-needs-qualification = kërkon diplomë ose kualifikim të njohur
finder-q-family = A jeton bashkëshorti, bashkëshortja ose prindi juaj në vendin ku doni të shkoni?
finder-a-family-citizen = Po, si shtetas i atij vendi
finder-a-family-resident = Po, me leje qëndrimi atje
finder-a-family-no = Jo
finder-needs-family = kërkon bashkëshort, bashkëshorte ose prind që jeton atje
finder-o-eu-citizen = Si shtetas i një shteti të BE-së mund të jetoni dhe të punoni në BE pa vizë dhe pa leje pune: në Gjermani, Kroaci, Itali dhe në çdo shtet tjetër të BE-së. Regjistrohuni aty ku jetoni, siç e kërkojnë autoritetet vendore.
finder-o-no-route = Asnjë rrugë e ligjshme në këto fletë nuk u përshtatet përgjigjeve tuaja. Kjo nuk do të thotë se nuk ka asnjë: një Sportel i Migracionit mund ta shqyrtojë situatën tuaj bashkë me ju, falas.
