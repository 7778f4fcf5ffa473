# Bosnian (bs) UI strings for factsheet, translated from en.ftl.
# Message ids are shared by every language; see README.md, "Translations".

## Site

site-title = Legalni putevi u inostranstvo
site-tagline = Informativni listovi o legalnim načinima da radite, studirate ili se pridružite porodici u inostranstvu
sample-disclaimer = Primjer sadržaja: provjerite svaki podatak u zvaničnim izvorima prije nego što se na njega oslonite.
choose-language = Odaberite jezik
nav-home = Početna
nav-destinations = Odredišta
language-switcher = Ova stranica na drugim jezicima
language-label = Jezik
skip-to-content = Pređi na sadržaj

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
route-family = Spajanje porodice
route-diversity-visa = Lutrija za vize raznolikosti

## Key-fact labels (a sheet's key_facts label `fee` is the message `fact-fee`)

fact-fee = Taksa
fact-processing-time = Vrijeme obrade
fact-quota = Kvota
fact-duration = Trajanje boravka
fact-language = Potrebno znanje jezika
fact-salary = Minimalna plata
fact-funds = Dokaz o finansijskim sredstvima
fact-application-period = Kada podnijeti zahtjev
fact-who-applies = Ko podnosi zahtjev
fact-eligibility = Ko može podnijeti zahtjev
fact-work-rights = Pravo na rad

## Sheet page

key-facts-heading = Ključni podaci
sources-heading = Zvanični izvori
contacts-heading = Kontakti
last-reviewed = Posljednja provjera: { $date }
next-review = Rok za sljedeću provjeru: { $date }
source-checked = provjereno { $date }
download-pdf = Preuzmite letak za štampanje (PDF)
download-booklet = Preuzmite sve listove za ovu zemlju kao brošuru (PDF)
contents-heading = Sadržaj
sheets-count =
    { $count ->
        [one] { $count } informativni list
        [few] { $count } informativna lista
       *[other] { $count } informativnih listova
    }
qr-alt = QR kod adrese { $url }
page-x-of-y = Stranica { $page } od { $total }

## Freshness and translation status

status-fresh = Ažurno
status-due-soon = Provjera uskoro
status-overdue = Provjera kasni
status-expired = Isteklo
status-invalid-date = Nevažeći datum
translation-current = Prijevod je ažuran
translation-outdated = Prijevod je zastario
translation-missing = Nije prevedeno
warning-overdue =
    Provjera ovih informacija bila je predviđena za { $date }, pa su one možda zastarjele. Provjerite zvanične izvore prije nego što postupite na osnovu njih.
warning-overdue-days =
    { $days ->
        [one] Provjera kasni { $days } dan.
        [few] Provjera kasni { $days } dana.
       *[other] Provjera kasni { $days } dana.
    }
warning-expired = Ove informacije važile su samo do { $date }. Ne oslanjajte se na njih: provjerite važeća pravila u zvaničnim izvorima.
warning-outdated = Original ove stranice izmijenjen je nakon prevođenja. Ovaj prijevod je možda zastario; mjerodavna je verzija na jeziku { $language }.
section-changed = Ovaj dio je izmijenjen u tekstu na jeziku { $language }.
fallback-notice = Ova stranica još nije dostupna na jeziku { $requested }. Prikazana je na jeziku { $shown }.
handout-shortened = Ovaj letak ne sadrži cijeli tekst jer je predug za štampanje. Pročitajte ga u cijelosti na { $url }.

## Search

search-label = Pretražite informativne listove
search-button = Pretraži
search-results =
    { $count ->
        [one] { $count } rezultat
        [few] { $count } rezultata
       *[other] { $count } rezultata
    }
search-no-results = Nijedan informativni list ne odgovara vašoj pretrazi.
search-all = Svi informativni listovi, po abecednom redu

## Errors

not-found-title = Stranica nije pronađena
not-found-text = Ova stranica ne postoji. Možda je premještena: počnite ponovo od početne stranice.

## Updates, facts bound in time, printout versions

nav-changes = Izmjene
checked-on = Provjereno u zvaničnim izvorima { $date }
updated-on = Ažurirano { $date }: { $note }
all-updates = Sve izmjene
all-updates-heading = Sve izmjene ove stranice
note-in-language = (na jeziku: { $language })
changes-title = Izmjene informativnih listova
changes-intro = Šta se promijenilo u informativnim listovima, počevši od najnovijih izmjena. Svaka stavka vodi do svog lista.
changes-none = Još nije objavljena nijedna izmjena.
destination-feed = { $country }: izmjene (Atom feed)
site-feed = Izmjene svih informativnih listova (Atom feed)
feed-updated = { $title }: ažurirano
feed-reviewed = { $title }: provjereno u zvaničnim izvorima
feed-reviewed-text = Podaci u ovom listu provjereni su { $date } u zvaničnim izvorima.
fact-from = Važi od { $date }
fact-expired-mark = Više ne važi od { $date }: provjerite zvanične izvore.
printout-version = Verzija { $id }, { $date }
printout-scan = Skenirajte kod da provjerite da li je ovaj letak još uvijek ažuran.
printout-current = Letak koji imate je ažuran.
printout-old = Vaš letak je odštampan { $date }, a od tada je promijenjeno sljedeće:
printout-revised = Ova stranica je od tada izmijenjena ili ponovo provjerena: čitajte ovu stranicu umjesto letka.

## Sharing

share-heading = Podijelite ovu stranicu
share-text = { $title } (provjereno { $date }): { $url }
share-email = E-mail

## Free advice: Migrant Service Centres (content/centres.yaml)

nav-centres = Besplatni savjeti
centres-title = Gdje možete dobiti besplatan savjet
centres-intro = Migracioni servisni centri pružaju besplatno individualno savjetovanje o legalnim načinima da radite, studirate ili se pridružite porodici u inostranstvu, kao i o rizicima neregularnih migracija. Posjetite ili nazovite centar koji vam je najbliži.
centre-hours-heading = Radno vrijeme
centre-hours = { $days }: { $opens }–{ $closes }
centre-languages = Jezici koji se govore: { $languages }
advice-heading = Besplatno individualno savjetovanje
advice-text = Za besplatan savjet o vašoj ličnoj situaciji obratite se Migracionom servisnom centru:

## Visitor packs (factsheet pack, and the form in serve)

pack-title = Vaši informativni listovi
pack-prepared = Pripremljeno za vas { $date }
pack-topics = Vaše teme
pack-your-centre = Vaš Migracioni servisni centar
pack-also = a zatim isti list na jeziku { $language }
pack-form-title = Odštampajte paket listova za posjetioca
pack-form-intro = Označite teme posjetioca. Na naslovnoj strani paketa su adresa i radno vrijeme vašeg centra, zatim slijedi svaki list na jeziku ove stranice, a ako odaberete i drugi jezik, odmah nakon svakog lista isti list na tom jeziku.
pack-form-sheets = Teme
pack-form-also = Drugi jezik
pack-form-no-second = Nijedan
pack-form-centre = Centar
pack-form-submit = Napravi PDF
pack-form-error = Odaberite najmanje jednu temu i samo one jezike i centre koji su ovdje ponuđeni.

## Route finder (content/finder.yaml): the pages, then each question's wording

finder-nav = Koji putevi su otvoreni za mene?
finder-title = Koji zakoniti putevi su otvoreni za mene?
finder-intro = Odgovorite na nekoliko pitanja da vidite koji informativni listovi odgovaraju vama. Ništa od onoga što izaberete se ne čuva.
finder-your-answers = Vaši odgovori
finder-change = Promijeni
finder-back = Nazad
finder-restart = Počni ispočetka
finder-outcome-title = Vaš rezultat
finder-results = Listovi koji odgovaraju vašim odgovorima
finder-near = Listovi kojima nedostaje jedan uslov
finder-safety-heading = Budite oprezni
finder-safety-irregular = Rad ili boravak bez odgovarajuće vize ili dozvole može dovesti do protjerivanja i zabrane ulaska na više godina, i ostavlja vas bez zaštite od iskorištavanja.
finder-safety-fraud = Lažna ponuda traži da platite posao, vizu, mjesto u kvoti ili termin, obećava sigurnu vizu ili dolazi od firme koju ne možete provjeriti. Službeni zahtjevi se podnose samo na službenim stranicama navedenim na svakom listu.
finder-pack = Isprintaj paket ovih listova

finder-q-citizenship = Koje je vaše državljanstvo?
finder-a-citizenship-al = Albanija
finder-a-citizenship-ba = Bosna i Hercegovina
finder-a-citizenship-me = Crna Gora
finder-a-citizenship-mk = Sjeverna Makedonija
finder-a-citizenship-rs = Srbija
finder-a-citizenship-xk = Kosovo
finder-a-citizenship-hr = Hrvatska (država EU)
finder-a-citizenship-other = Druga zemlja
finder-q-purpose = Šta želite raditi u inostranstvu?
finder-a-purpose-work = Raditi
finder-a-purpose-seasonal = Sezonski rad, nekoliko mjeseci
finder-a-purpose-study = Studirati
finder-a-purpose-family = Pridružiti se porodici
finder-q-joboffer = Imate li ponudu za posao od poslodavca u zemlji u kojoj želite raditi?
finder-a-joboffer-yes = Da
finder-a-joboffer-no = Ne, još ne
finder-needs-joboffer = potrebna je ponuda za posao
finder-q-qualification = Imate li fakultetsku diplomu ili priznatu stručnu kvalifikaciju?
finder-a-qualification-yes = Da
finder-a-qualification-no = Ne
finder-needs-qualification = potrebna je diploma ili priznata kvalifikacija
finder-q-family = Živi li vaš muž, žena ili roditelj u zemlji u koju želite otići?
finder-a-family-citizen = Da, kao državljanin te zemlje
finder-a-family-resident = Da, s dozvolom boravka tamo
finder-a-family-no = Ne
finder-needs-family = potreban je muž, žena ili roditelj koji tamo živi
finder-o-eu-citizen = Kao državljanin države EU možete živjeti i raditi u EU bez vize i bez radne dozvole: u Njemačkoj, Hrvatskoj, Italiji i u svakoj drugoj državi EU. Prijavite se tamo gdje živite, kako to traže lokalne vlasti.
finder-o-no-route = Nijedan zakoniti put u ovim listovima ne odgovara vašim odgovorima. To ne znači da ga nema: Migracioni servisni centar može besplatno razmotriti vašu situaciju s vama.
