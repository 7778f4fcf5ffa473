# Serbian, Cyrillic (sr-Cyrl) UI strings for factsheet, translated from en.ftl.
# sr-Latn is derived from this file by transliteration: write Cyrillic only.
# Message ids are shared by every language; see README.md, "Translations".

## Site

site-title = Легални путеви у иностранство
site-tagline = Информативни листови о легалним начинима да радите, студирате или се придружите породици у иностранству
sample-disclaimer = Пример садржаја: проверите сваки податак у званичним изворима пре него што се на њега ослоните.
choose-language = Изаберите језик
nav-home = Почетна
nav-destinations = Одредишта
language-switcher = Ова страница на другим језицима
language-label = Језик
skip-to-content = Пређи на садржај

## Destinations (ISO 3166-1 alpha-2)

country-at = Аустрија
country-ca = Канада
country-ch = Швајцарска
country-de = Немачка
country-hr = Хрватска
country-it = Италија
country-us = Сједињене Америчке Државе

## Routes

route-work = Рад
route-seasonal-work = Сезонски рад
route-study = Студије
route-family = Спајање породице
route-diversity-visa = Лутрија за визе разноликости

## Key-fact labels (a sheet's key_facts label `fee` is the message `fact-fee`)

fact-fee = Такса
fact-processing-time = Време обраде
fact-quota = Квота
fact-duration = Трајање боравка
fact-language = Потребно знање језика
fact-salary = Минимална плата
fact-funds = Доказ о финансијским средствима
fact-application-period = Када поднети захтев
fact-who-applies = Ко подноси захтев
fact-eligibility = Ко може да поднесе захтев
fact-work-rights = Право на рад

## Sheet page

key-facts-heading = Кључни подаци
sources-heading = Званични извори
contacts-heading = Контакти
last-reviewed = Последња провера: { $date }
next-review = Рок за следећу проверу: { $date }
source-checked = проверено { $date }
download-pdf = Преузмите летак за штампање (ПДФ)
download-booklet = Преузмите све листове за ову земљу као брошуру (ПДФ)
contents-heading = Садржај
sheets-count =
    { $count ->
        [one] { $count } информативни лист
        [few] { $count } информативна листа
       *[other] { $count } информативних листова
    }
qr-alt = QR код адресе { $url }
page-x-of-y = Страница { $page } од { $total }

## Freshness and translation status

status-fresh = Ажурно
status-due-soon = Провера ускоро
status-overdue = Провера касни
status-expired = Истекло
status-invalid-date = Неважећи датум
translation-current = Превод је ажуран
translation-outdated = Превод је застарео
translation-missing = Није преведено
warning-overdue =
    Провера ових информација била је предвиђена за { $date }, па су оне можда застареле. Проверите званичне изворе пре него што поступите на основу њих.
warning-overdue-days =
    { $days ->
        [one] Провера касни { $days } дан.
        [few] Провера касни { $days } дана.
       *[other] Провера касни { $days } дана.
    }
warning-expired = Ове информације важиле су само до { $date }. Не ослањајте се на њих: проверите важећа правила у званичним изворима.
warning-outdated = Оригинал ове странице измењен је након превођења. Овај превод је можда застарео; меродавна је верзија на језику { $language }.
section-changed = Овај део је измењен у тексту на језику { $language }.
fallback-notice = Ова страница још није доступна на језику { $requested }. Приказана је на језику { $shown }.
handout-shortened = Овај летак не садржи цео текст, јер је предугачак за штампу. Прочитајте га у целини на { $url }.

## Search

search-label = Претражите информативне листове
search-button = Претражи
search-results =
    { $count ->
        [one] { $count } резултат
        [few] { $count } резултата
       *[other] { $count } резултата
    }
search-no-results = Ниједан информативни лист не одговара вашој претрази.
search-all = Сви информативни листови, по абецедном реду

## Errors

not-found-title = Страница није пронађена
not-found-text = Ова страница не постоји. Можда је премештена: почните поново од почетне странице.

## Updates, facts bound in time, printout versions

nav-changes = Измене
checked-on = Проверено у званичним изворима { $date }
updated-on = Ажурирано { $date }: { $note }
all-updates = Све измене
all-updates-heading = Све измене ове странице
note-in-language = (на језику: { $language })
changes-title = Измене информативних листова
changes-intro = Шта се променило у информативним листовима, почев од најновијих измена. Свака ставка води до свог листа.
changes-none = Још није објављена ниједна измена.
destination-feed = { $country }: измене (Атом фид)
site-feed = Измене свих информативних листова (Атом фид)
feed-updated = { $title }: ажурирано
feed-reviewed = { $title }: проверено у званичним изворима
feed-reviewed-text = Подаци у овом листу проверени су { $date } у званичним изворима.
fact-from = Важи од { $date }
fact-expired-mark = Више не важи од { $date }: проверите званичне изворе.
printout-version = Верзија { $id }, { $date }
printout-scan = Скенирајте код да проверите да ли је овај летак још увек ажуран.
printout-current = Летак који имате је ажуран.
printout-old = Ваш летак је одштампан { $date }, а од тада је промењено следеће:
printout-revised = Ова страница је од тада измењена или поново проверена: читајте ову страницу уместо летка.

## Sharing

share-heading = Поделите ову страницу
share-text = { $title } (проверено { $date }): { $url }
share-email = Е-пошта

## Free advice: Migrant Service Centres (content/centres.yaml)

nav-centres = Бесплатни савети
centres-title = Где можете добити бесплатан савет
centres-intro = Миграциони сервисни центри пружају бесплатно индивидуално саветовање о легалним начинима да радите, студирате или се придружите породици у иностранству, као и о ризицима нерегуларних миграција. Посетите или позовите центар који вам је најближи.
centre-hours-heading = Радно време
centre-hours = { $days }: { $opens }–{ $closes }
centre-languages = Језици који се говоре: { $languages }
advice-heading = Бесплатно индивидуално саветовање
advice-text = За бесплатан савет о вашој личној ситуацији обратите се Миграционом сервисном центру:

## Visitor packs (factsheet pack, and the form in serve)

pack-title = Ваши информативни листови
pack-prepared = Припремљено за вас { $date }
pack-topics = Ваше теме
pack-your-centre = Ваш Миграциони сервисни центар
pack-also = а затим исти лист на језику { $language }
pack-form-title = Одштампајте пакет листова за посетиоца
pack-form-intro = Означите теме посетиоца. На насловној страни пакета су адреса и радно време вашег центра, затим следи сваки лист на језику ове странице, а ако изаберете и други језик, одмах после сваког листа исти лист на том језику.
pack-form-sheets = Теме
pack-form-also = Други језик
pack-form-no-second = Ниједан
pack-form-centre = Центар
pack-form-submit = Направи ПДФ
pack-form-error = Изаберите најмање једну тему и само језике и центре који су овде понуђени.

## Route finder (content/finder.yaml): the pages, then each question's wording

finder-nav = Који су путеви отворени за мене?
finder-title = Који законити путеви су отворени за мене?
finder-intro = Одговорите на неколико питања да бисте видели који листови са информацијама одговарају вама. Ништа од онога што изаберете се не чува.
finder-your-answers = Ваши одговори
finder-change = Промени
finder-back = Назад
finder-restart = Почни изнова
finder-outcome-title = Ваш резултат
finder-results = Листови који одговарају вашим одговорима
finder-near = Листови којима недостаје један услов
finder-safety-heading = Чувајте се
finder-safety-irregular = Рад или боравак без одговарајуће визе или дозволе може довести до протеривања и забране уласка на више година, и оставља вас без заштите од искоришћавања.
finder-safety-fraud = Лажна понуда тражи да платите посао, визу, место у квоти или термин, обећава сигурну визу или долази од фирме коју не можете да проверите. Званични захтеви се подносе само на званичним сајтовима наведеним на сваком листу.
finder-pack = Одштампај пакет ових листова

finder-q-citizenship = Које је ваше држављанство?
finder-a-citizenship-al = Албанија
finder-a-citizenship-ba = Босна и Херцеговина
finder-a-citizenship-me = Црна Гора
finder-a-citizenship-mk = Северна Македонија
finder-a-citizenship-rs = Србија
finder-a-citizenship-xk = Косово
finder-a-citizenship-hr = Хрватска (држава ЕУ)
finder-a-citizenship-other = Друга земља
finder-q-purpose = Шта желите да радите у иностранству?
finder-a-purpose-work = Да радим
finder-a-purpose-seasonal = Сезонски рад, неколико месеци
finder-a-purpose-study = Да студирам
finder-a-purpose-family = Да се придружим породици
finder-q-joboffer = Да ли имате понуду за посао од послодавца у земљи у којој желите да радите?
finder-a-joboffer-yes = Да
finder-a-joboffer-no = Не, још не
finder-needs-joboffer = потребна је понуда за посао
finder-q-qualification = Да ли имате факултетску диплому или признату стручну квалификацију?
finder-a-qualification-yes = Да
finder-a-qualification-no = Не
finder-needs-qualification = потребна је диплома или призната квалификација
finder-q-family = Да ли ваш муж, жена или родитељ живи у земљи у коју желите да одете?
finder-a-family-citizen = Да, као држављанин те земље
finder-a-family-resident = Да, са дозволом боравка тамо
finder-a-family-no = Не
finder-needs-family = потребан је муж, жена или родитељ који тамо живи
finder-o-eu-citizen = Као држављанин државе ЕУ можете да живите и радите у ЕУ без визе и без радне дозволе: у Немачкој, Хрватској, Италији и у свакој другој држави ЕУ. Пријавите се тамо где живите, како то траже локалне власти.
finder-o-no-route = Ниједан законити пут у овим листовима не одговара вашим одговорима. То не значи да га нема: Миграциони сервисни центар може бесплатно да размотри вашу ситуацију са вама.
