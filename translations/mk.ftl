# Macedonian (mk) UI strings for factsheet, translated from en.ftl.
# Message ids are shared by every language; see README.md, "Translations".

## Site

site-title = Легални патишта во странство
site-tagline = Информативни листови за легалните начини за работа, студирање или спојување со семејството во странство
sample-disclaimer = Примерна содржина: проверете го секој податок во официјалните извори пред да се потпрете на него.
choose-language = Изберете јазик
nav-home = Почетна
nav-destinations = Дестинации
language-switcher = Оваа страница на други јазици
language-label = Јазик
skip-to-content = Прескокни до содржината

## Destinations (ISO 3166-1 alpha-2)

country-at = Австрија
country-ca = Канада
country-ch = Швајцарија
country-de = Германија
country-hr = Хрватска
country-it = Италија
country-us = Соединети Американски Држави

## Routes

route-work = Работа
route-seasonal-work = Сезонска работа
route-study = Студии
route-family = Спојување на семејството
route-diversity-visa = Лотарија за визи за различност

## Key-fact labels (a sheet's key_facts label `fee` is the message `fact-fee`)

fact-fee = Такса
fact-processing-time = Време на обработка
fact-quota = Квота
fact-duration = Времетраење на престојот
fact-language = Потребно познавање на јазик
fact-salary = Минимална плата
fact-funds = Доказ за финансиски средства
fact-application-period = Кога да поднесете барање
fact-who-applies = Кој поднесува барање
fact-eligibility = Кој може да поднесе барање
fact-work-rights = Право на работа

## Sheet page

key-facts-heading = Клучни податоци
sources-heading = Официјални извори
contacts-heading = Контакти
last-reviewed = Последна проверка: { $date }
next-review = Рок за следната проверка: { $date }
source-checked = проверено на { $date }
download-pdf = Преземете леток за печатење (PDF)
download-booklet = Преземете ги сите листови за оваа земја како брошура (PDF)
contents-heading = Содржина
sheets-count =
    { $count ->
        [one] { $count } информативен лист
       *[other] { $count } информативни листови
    }
qr-alt = QR-код на адресата { $url }
page-x-of-y = Страница { $page } од { $total }

## Freshness and translation status

status-fresh = Ажурно
status-due-soon = Проверка наскоро
status-overdue = Проверката доцни
status-expired = Истечено
status-invalid-date = Неважечки датум
translation-current = Преводот е ажурен
translation-outdated = Преводот е застарен
translation-missing = Не е преведено
warning-overdue =
    Проверката на овие информации требаше да се изврши на { $date }, па тие можеби се застарени. Проверете ги официјалните извори пред да постапите врз основа на нив.
warning-overdue-days =
    { $days ->
        [one] Проверката доцни { $days } ден.
       *[other] Проверката доцни { $days } дена.
    }
warning-expired = Овие информации важеа само до { $date }. Не потпирајте се на нив: проверете ги важечките правила во официјалните извори.
warning-outdated = Оригиналот на оваа страница е изменет по нејзиното преведување. Овој превод можеби е застарен; меродавна е верзијата на јазикот { $language }.
section-changed = Овој дел е изменет во текстот на јазикот { $language }.
fallback-notice = Оваа страница сè уште не е достапна на јазикот { $requested }. Прикажана е на јазикот { $shown }.
handout-shortened = Овој леток не го содржи целиот текст, бидејќи е премногу долг за печатење. Прочитајте го целиот на { $url }.

## Search

search-label = Пребарувајте ги информативните листови
search-button = Пребарај
search-results =
    { $count ->
        [one] { $count } резултат
       *[other] { $count } резултати
    }
search-no-results = Ниту еден информативен лист не одговара на вашето пребарување.
search-all = Сите информативни листови, по азбучен ред

## Errors

not-found-title = Страницата не е пронајдена
not-found-text = Оваа страница не постои. Можеби е преместена: почнете одново од почетната страница.

## Updates, facts bound in time, printout versions

nav-changes = Измени
checked-on = Проверено во официјалните извори на { $date }
updated-on = Ажурирано на { $date }: { $note }
all-updates = Сите измени
all-updates-heading = Сите измени на оваа страница
note-in-language = (на јазик: { $language })
changes-title = Измени во информативните листови
changes-intro = Што се промени во информативните листови, почнувајќи од најновите измени. Секоја ставка води до својот лист.
changes-none = Сè уште нема објавени измени.
destination-feed = Измени за { $country } (Атом фид)
site-feed = Измени во сите информативни листови (Атом фид)
feed-updated = { $title }: ажурирано
feed-reviewed = { $title }: проверено во официјалните извори
feed-reviewed-text = Податоците во овој лист се проверени во официјалните извори на { $date }.
fact-from = Важи од { $date }
fact-expired-mark = Повеќе не важи од { $date }: проверете ги официјалните извори.
printout-version = Верзија { $id }, { $date }
printout-scan = Скенирајте го кодот за да проверите дали овој леток е сè уште ажурен.
printout-current = Летокот што го имате е ажурен.
printout-old = Вашиот леток е отпечатен на { $date }. Оттогаш е изменето следново:
printout-revised = Оваа страница оттогаш е изменета или повторно проверена: читајте ја оваа страница наместо летокот.

## Sharing

share-heading = Споделете ја оваа страница
share-text = { $title } (проверено на { $date }): { $url }
share-email = Е-пошта

## Free advice: Migrant Service Centres (content/centres.yaml)

nav-centres = Бесплатни совети
centres-title = Каде да добиете бесплатен совет
centres-intro = Миграциските сервисни центри даваат бесплатно индивидуално советување за легалните начини за работа, студирање или спојување со семејството во странство, како и за ризиците од нерегуларната миграција. Посетете го најблискиот центар или јавете се таму по телефон.
centre-hours-heading = Работно време
centre-hours = { $days }: { $opens }–{ $closes }
centre-languages = Јазици што се зборуваат: { $languages }
advice-heading = Бесплатно индивидуално советување
advice-text = За бесплатен совет за вашата лична ситуација обратете се до Миграциски сервисен центар:

## Visitor packs (factsheet pack, and the form in serve)

pack-title = Вашите информативни листови
pack-prepared = Подготвено за вас на { $date }
pack-topics = Вашите теми
pack-your-centre = Вашиот Миграциски сервисен центар
pack-also = а потоа истиот лист на јазикот { $language }
pack-form-title = Отпечатете пакет листови за посетител
pack-form-intro = Означете ги темите на посетителот. На насловната страница на пакетот се адресата и работното време на вашиот центар, потоа следува секој лист на јазикот на оваа страница, а ако изберете и втор јазик, веднаш по секој лист следува истиот лист на тој јазик.
pack-form-sheets = Теми
pack-form-also = Втор јазик
pack-form-no-second = Ниеден
pack-form-centre = Центар
pack-form-submit = Направи PDF
pack-form-error = Изберете барем една тема и само од јазиците и центрите што се понудени овде.

## Route finder (content/finder.yaml): the pages, then each question's wording

finder-nav = Кои патишта се отворени за мене?
finder-title = Кои законски патишта се отворени за мене?
finder-intro = Одговорете на неколку прашања за да видите кои информативни листови ви одговараат. Ништо од она што ќе го изберете не се зачувува.
finder-your-answers = Вашите одговори
finder-change = Промени
finder-back = Назад
finder-restart = Почни одново
finder-outcome-title = Вашиот резултат
finder-results = Листови што одговараат на вашите одговори
finder-near = Листови на кои им недостасува еден услов
finder-safety-heading = Бидете внимателни
finder-safety-irregular = Работа или престој без соодветна виза или дозвола може да доведе до протерување и забрана за влез со години, и ве остава без заштита од експлоатација.
finder-safety-fraud = Измамничка понуда бара да платите за работа, виза, место во квота или термин, ветува сигурна виза или доаѓа од фирма што не можете да ја проверите. Официјалните барања се поднесуваат само на официјалните страници наведени на секој лист.
finder-pack = Отпечати пакет со овие листови

finder-q-citizenship = Кое е вашето државјанство?
finder-a-citizenship-al = Албанија
finder-a-citizenship-ba = Босна и Херцеговина
finder-a-citizenship-me = Црна Гора
finder-a-citizenship-mk = Северна Македонија
finder-a-citizenship-rs = Србија
finder-a-citizenship-xk = Косово
finder-a-citizenship-hr = Хрватска (држава на ЕУ)
finder-a-citizenship-other = Друга земја
finder-q-purpose = Што сакате да правите во странство?
finder-a-purpose-work = Да работам
finder-a-purpose-seasonal = Сезонска работа, неколку месеци
finder-a-purpose-study = Да студирам
finder-a-purpose-family = Да му се придружам на семејството
finder-q-joboffer = Дали имате понуда за работа од работодавач во земјата каде што сакате да работите?
finder-a-joboffer-yes = Да
finder-a-joboffer-no = Не, сè уште не
finder-needs-joboffer = потребна е понуда за работа
finder-q-qualification = Дали имате универзитетска диплома или призната стручна квалификација?
finder-a-qualification-yes = Да
finder-a-qualification-no = Не
finder-needs-qualification = потребна е диплома или призната квалификација
finder-q-family = Дали вашиот сопруг, сопруга или родител живее во земјата каде што сакате да одите?
finder-a-family-citizen = Да, како државјанин на таа земја
finder-a-family-resident = Да, со дозвола за престој таму
finder-a-family-no = Не
finder-needs-family = потребен е сопруг, сопруга или родител што живее таму
finder-o-eu-citizen = Како државјанин на држава од ЕУ можете да живеете и работите во ЕУ без виза и без работна дозвола: во Германија, Хрватска, Италија и во секоја друга држава од ЕУ. Пријавете се таму каде што живеете, како што бараат локалните власти.
finder-o-no-route = Ниту еден законски пат во овие листови не одговара на вашите одговори. Тоа не значи дека нема: Миграциски сервисен центар може бесплатно да ја разгледа вашата ситуација со вас.
