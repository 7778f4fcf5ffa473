# Croatian (hr) UI strings for factsheet, translated from en.ftl.
# Message ids are shared by every language; see README.md, "Translations".

## Site

site-title = Zakoniti putovi u inozemstvo
site-tagline = Informativni listovi o zakonitim načinima za rad, studij ili pridruživanje obitelji u inozemstvu
sample-disclaimer = Primjer sadržaja: provjerite svaki podatak u službenim izvorima prije nego što se na njega oslonite.
choose-language = Odaberite jezik
nav-home = Početna
nav-destinations = Odredišta
language-switcher = Ova stranica na drugim jezicima
language-label = Jezik
skip-to-content = Prijeđi na sadržaj

## Destinations (ISO 3166-1 alpha-2)

country-at = Austrija
country-ca = Kanada
country-ch = Švicarska
country-de = Njemačka
country-hr = Hrvatska
country-it = Italija
country-us = Sjedinjene Američke Države

## Routes

route-work = Rad
route-seasonal-work = Sezonski rad
route-study = Studij
route-family = Spajanje obitelji
route-diversity-visa = Lutrija za vize raznolikosti

## Key-fact labels (a sheet's key_facts label `fee` is the message `fact-fee`)

fact-fee = Pristojba
fact-processing-time = Vrijeme obrade
fact-quota = Kvota
fact-duration = Trajanje boravka
fact-language = Potrebno znanje jezika
fact-salary = Minimalna plaća
fact-funds = Dokaz o financijskim sredstvima
fact-application-period = Kada podnijeti zahtjev
fact-who-applies = Tko podnosi zahtjev
fact-eligibility = Tko može podnijeti zahtjev
fact-work-rights = Pravo na rad

## Sheet page

key-facts-heading = Ključni podaci
sources-heading = Službeni izvori
contacts-heading = Kontakti
last-reviewed = Posljednja provjera: { $date }
next-review = Rok za sljedeću provjeru: { $date }
source-checked = provjereno { $date }
download-pdf = Preuzmite letak za ispis (PDF)
download-booklet = Preuzmite sve listove za ovu zemlju kao brošuru (PDF)
contents-heading = Sadržaj
sheets-count =
    { $count ->
        [one] { $count } informativni list
        [few] { $count } informativna lista
       *[other] { $count } informativnih listova
    }
qr-alt = QR kôd adrese { $url }
page-x-of-y = Stranica { $page } od { $total }

## Freshness and translation status

status-fresh = Ažurno
status-due-soon = Provjera uskoro
status-overdue = Provjera kasni
status-expired = Isteklo
status-invalid-date = Neispravan datum
translation-current = Prijevod je ažuran
translation-outdated = Prijevod je zastario
translation-missing = Nije prevedeno
warning-overdue =
    Provjera ovih informacija bila je predviđena za { $date }, pa su one možda zastarjele. Provjerite službene izvore prije nego što postupite na temelju njih.
warning-overdue-days =
    { $days ->
        [one] Provjera kasni { $days } dan.
        [few] Provjera kasni { $days } dana.
       *[other] Provjera kasni { $days } dana.
    }
warning-expired = Ove su informacije vrijedile samo do { $date }. Ne oslanjajte se na njih: provjerite važeća pravila u službenim izvorima.
warning-outdated = Izvornik ove stranice promijenjen je nakon prevođenja. Ovaj prijevod možda je zastario; mjerodavna je inačica na jeziku { $language }.
section-changed = Ovaj je dio izmijenjen u tekstu na jeziku { $language }.
fallback-notice = Ova stranica još nije dostupna na jeziku { $requested }. Prikazana je na jeziku { $shown }.
handout-shortened = Ovaj letak ne sadrži cijeli tekst jer je predug za ispis. Pročitajte ga u cijelosti na { $url }.

## Search

search-label = Pretražite informativne listove
search-button = Traži
search-results =
    { $count ->
        [one] { $count } rezultat
        [few] { $count } rezultata
       *[other] { $count } rezultata
    }
search-no-results = Nijedan informativni list ne odgovara vašem pretraživanju.
search-all = Svi informativni listovi, abecednim redom

## Errors

not-found-title = Stranica nije pronađena
not-found-text = Ova stranica ne postoji. Možda je premještena: počnite ispočetka s početne stranice.

## Updates, facts bound in time, printout versions

nav-changes = Izmjene
checked-on = Provjereno u službenim izvorima { $date }
updated-on = Ažurirano { $date }: { $note }
all-updates = Sve izmjene
all-updates-heading = Sve izmjene ove stranice
note-in-language = (na jeziku: { $language })
changes-title = Izmjene informativnih listova
changes-intro = Što se promijenilo u informativnim listovima, počevši od najnovijih izmjena. Svaka stavka vodi na svoj list.
changes-none = Još nije objavljena nijedna izmjena.
destination-feed = { $country }: izmjene (Atom kanal)
site-feed = Izmjene svih informativnih listova (Atom kanal)
feed-updated = { $title }: ažurirano
feed-reviewed = { $title }: provjereno u službenim izvorima
feed-reviewed-text = Podaci u ovom listu provjereni su { $date } u službenim izvorima.
fact-from = Vrijedi od { $date }
fact-expired-mark = Više ne vrijedi od { $date }: provjerite službene izvore.
printout-version = Inačica { $id }, { $date }
printout-scan = Skenirajte kôd kako biste provjerili je li ovaj letak još uvijek ažuran.
printout-current = Letak koji imate ažuran je.
printout-old = Vaš je letak ispisan { $date }, a otada je promijenjeno sljedeće:
printout-revised = Ova je stranica otada izmijenjena ili ponovno provjerena: čitajte ovu stranicu umjesto letka.

## Sharing

share-heading = Podijelite ovu stranicu
share-text = { $title } (provjereno { $date }): { $url }
share-email = E-pošta

## Free advice: Migrant Service Centres (content/centres.yaml)

nav-centres = Besplatni savjeti
centres-title = Gdje možete dobiti besplatan savjet
centres-intro = Migracijski servisni centri pružaju besplatno individualno savjetovanje o zakonitim načinima za rad, studij ili pridruživanje obitelji u inozemstvu te o rizicima neregularnih migracija. Posjetite ili nazovite centar koji vam je najbliži.
centre-hours-heading = Radno vrijeme
centre-hours = { $days }: { $opens }–{ $closes }
centre-languages = Jezici koji se govore: { $languages }
advice-heading = Besplatno individualno savjetovanje
advice-text = Za besplatan savjet o vašoj osobnoj situaciji obratite se Migracijskom servisnom centru:

## Visitor packs (factsheet pack, and the form in serve)

pack-title = Vaši informativni listovi
pack-prepared = Pripremljeno za vas { $date }
pack-topics = Vaše teme
pack-your-centre = Vaš Migracijski servisni centar
pack-also = a zatim isti list na jeziku { $language }
pack-form-title = Ispišite paket listova za posjetitelja
pack-form-intro = Označite teme posjetitelja. Na naslovnici paketa su adresa i radno vrijeme vašeg centra, zatim slijedi svaki list na jeziku ove stranice, a ako odaberete i drugi jezik, odmah iza svakog lista isti list na tom jeziku.
pack-form-sheets = Teme
pack-form-also = Drugi jezik
pack-form-no-second = Nijedan
pack-form-centre = Centar
pack-form-submit = Izradi PDF
pack-form-error = Odaberite barem jednu temu te samo jezike i centre koji su ovdje ponuđeni.

## Route finder (content/finder.yaml): the pages, then each question's wording

finder-nav = Koji su putovi otvoreni za mene?
finder-title = Koji su zakoniti putovi otvoreni za mene?
finder-intro = Odgovorite na nekoliko pitanja da biste vidjeli koji informativni listovi odgovaraju vama. Ništa od onoga što odaberete ne sprema se.
finder-your-answers = Vaši odgovori
finder-change = Promijeni
finder-back = Natrag
finder-restart = Počni ispočetka
finder-outcome-title = Vaš rezultat
finder-results = Listovi koji odgovaraju vašim odgovorima
finder-near = Listovi kojima nedostaje jedan uvjet
finder-safety-heading = Budite oprezni
finder-safety-irregular = Rad ili boravak bez odgovarajuće vize ili dozvole može dovesti do protjerivanja i zabrane ulaska na više godina te vas ostavlja bez zaštite od iskorištavanja.
finder-safety-fraud = Lažna ponuda traži da platite posao, vizu, mjesto u kvoti ili termin, obećava sigurnu vizu ili dolazi od tvrtke koju ne možete provjeriti. Službeni zahtjevi podnose se samo na službenim stranicama navedenima na svakom listu.
finder-pack = Ispiši paket ovih listova

finder-q-citizenship = Koje je vaše državljanstvo?
finder-a-citizenship-al = Albanija
finder-a-citizenship-ba = Bosna i Hercegovina
finder-a-citizenship-me = Crna Gora
finder-a-citizenship-mk = Sjeverna Makedonija
finder-a-citizenship-rs = Srbija
finder-a-citizenship-xk = Kosovo
finder-a-citizenship-hr = Hrvatska (država EU-a)
finder-a-citizenship-other = Druga zemlja
finder-q-purpose = Što želite raditi u inozemstvu?
finder-a-purpose-work = Raditi
finder-a-purpose-seasonal = Sezonski rad, nekoliko mjeseci
finder-a-purpose-study = Studirati
finder-a-purpose-family = Pridružiti se obitelji
finder-q-joboffer = Imate li ponudu za posao od poslodavca u zemlji u kojoj želite raditi?
finder-a-joboffer-yes = Da
finder-a-joboffer-no = Ne, još ne
finder-needs-joboffer = potrebna je ponuda za posao
finder-q-qualification = Imate li sveučilišnu diplomu ili priznatu stručnu kvalifikaciju?
finder-a-qualification-yes = Da
finder-a-qualification-no = Ne
finder-needs-qualification = potrebna je diploma ili priznata kvalifikacija
finder-q-family = Živi li vaš muž, žena ili roditelj u zemlji u koju želite otići?
finder-a-family-citizen = Da, kao državljanin te zemlje
finder-a-family-resident = Da, s dozvolom boravka ondje
finder-a-family-no = Ne
finder-needs-family = potreban je muž, žena ili roditelj koji ondje živi
finder-o-eu-citizen = Kao državljanin države EU-a možete živjeti i raditi u EU-u bez vize i bez radne dozvole: u Njemačkoj, Hrvatskoj, Italiji i u svakoj drugoj državi EU-a. Prijavite se ondje gdje živite, kako to traže lokalne vlasti.
finder-o-no-route = Nijedan zakoniti put u ovim listovima ne odgovara vašim odgovorima. To ne znači da ga nema: Migracijski servisni centar može besplatno s vama razmotriti vašu situaciju.
