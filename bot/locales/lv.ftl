## [start]
start-greeting =
    Sveiki, { $name }! Es esmu <b>Baton</b>, { $org } pieprasījumu dienests.

    Pastāstiet, kas jums vajadzīgs no citas nodaļas: es uzdošu dažus īsus jautājumus, nodošu pieprasījumu īstajai komandai, sekošu termiņam un pastāstīšu, kā veicas.

    /new — iesniegt pieprasījumu
    /my — jūsu pieprasījumi
    /help — visas komandas

## [help]
help-private =
    <b>Ko es protu</b>
    /new — iesniegt pieprasījumu nodaļai
    /my — jūsu pieprasījumi, to statuss un termiņi (vispirms atvērtie, pa 10)
    /show N — viss par pieprasījumu #N: atbildes, termiņi, vēsture (vai pieskarieties /show_N sarakstā)
    /find TEKSTS — meklēt pieprasījumus pēc numura, vārdiem atbildēs vai pieteicēja vārda
    /cancel — atmest aizpildāmo veidlapu
    /help — šis saraksts
    /away DD.MM.GGGG-DD.MM.GGGG [@aizvietotājs] — (izpildītājiem) prombūtne: jūsu pieprasījumi pāriet aizvietotājam vai atgriežas rindā
    /back — atgriešanās pēc prombūtnes

    Lai rakstītu tiem, kas strādā pie jūsu pieprasījuma, <b>atbildiet</b> uz manu ziņu par to.
help-group =
    <b>Baton šajā grupā</b>
    /queue — nodaļas atvērtie pieprasījumi, vispirms ar tuvāko termiņu
    /show N — viss par nodaļas pieprasījumu #N
    /find TEKSTS — meklēt nodaļas pieprasījumus pēc numura, vārdiem vai pieteicēja
    /bind &lt;nodaļa&gt; — (administratoriem) sūtīt nodaļas pieprasījumus uz šo grupu
    Ar pogām pieprasījuma kartītē to var paņemt darbā, pabeigt, noraidīt vai nodot citai nodaļai. Atbildiet uz kartīti, lai rakstītu pieteicējam.
    Vadītājiem: <b>Piešķirt</b> / <b>Piešķirt citam</b> kartītē parāda izpildītājus, kam to var uzticēt.

## [commands]
commands-away = Prombūtne uz dažām dienām (izpildītājiem)
commands-back = Atgriešanās pēc prombūtnes
commands-start = Sākums un sveiciens
commands-new = Iesniegt pieprasījumu
commands-my = Mani pieprasījumi
commands-cancel = Atmest veidlapu
commands-help = Ko bots prot
commands-queue = Nodaļas atvērtie pieprasījumi
commands-show = Parādīt pieprasījumu: /show N
commands-find = Meklēt pieprasījumus pēc vārdiem vai numura
commands-bind = Piesaistīt čatu nodaļai (administratoriem)
commands-stats = Statistika (vadītājiem)
commands-export = Pieprasījumu eksports CSV formātā (vadītājiem)

## [form]
form-choose_department = <b>Jauns pieprasījums.</b> Kurai nodaļai?
form-choose_type = <b>{ $department }</b>: kāds pieprasījuma veids?
form-question = <b>{ $number }/{ $total }. { $label }</b>
form-hint_text = Uzrakstiet atbildi (līdz { $limit } { $limit ->
        [one] rakstzīmei
       *[other] rakstzīmēm
    }).
form-hint_number = Nosūtiet skaitli.
form-hint_number_range = Nosūtiet skaitli no { $min } līdz { $max }.
form-hint_number_min = Nosūtiet skaitli, ne mazāku par { $min }.
form-hint_number_max = Nosūtiet skaitli, ne lielāku par { $max }.
form-hint_date = Nosūtiet datumu: DD.MM.GGGG vai GGGG-MM-DD.
form-hint_choice = Izvēlieties vienu no pogām.
form-hint_file = Nosūtiet fotoattēlu vai dokumentu.
form-hint_optional = <i>Nav obligāti: ja neattiecas, spiediet „Izlaist”.</i>
form-priority = <b>Cik steidzami tas ir?</b> Steidzamiem pieprasījumiem termiņi ir īsāki.
form-summary =
    <b>Lūdzu, pārbaudiet pieprasījumu</b>

    <b>{ $department } · { $type }</b>
    { $answers }
    { $priority_line }
    Nosūtīt?
form-priority_line = Prioritāte: { $priority }
form-answer_line = <b>{ $label }:</b> { $value }
form-skipped = —
form-submitted =
    ✅ Pieprasījums <b>#{ $id }</b> nosūtīts nodaļai <b>{ $department }</b>.
    Reakcija līdz { $response_due }, izpilde līdz { $resolve_due }.{ $needed_by }
    Es paziņošu, kad kāds to paņems darbā. Lai rakstītu izpildītājiem, atbildiet uz manām ziņām par #{ $id }.
form-submitted_needed_by = {"\u000A"}Jums tas vajadzīgs līdz { $date }.
form-submitted_unbound = {"\u000A"}<i>Nodaļa { $department } vēl nav pievienojusi savu čatu; administratori jau zina, un pieprasījums droši gaida.</i>
form-cancelled = Veidlapa atcelta, nekas netika nosūtīts. /new sāk no jauna.
form-nothing_to_cancel = Nav ko atcelt. /new iesniedz pieprasījumu.
form-resumed = Jums ir nepabeigts pieprasījums; turpināsim, kur apstājāties. /cancel to atmet.
form-broken = Kamēr aizpildījāt veidlapu, organizācijas iestatījumi mainījās. Lūdzu, sāciet no jauna ar /new.
form-stale = Šī poga pieder iepriekšējam solim.
form-changed = Organizācijas iestatījumos šai veidlapai pievienots jautājums: lūdzu, atbildiet uz to un tad nosūtiet.
form-already_submitted = Šis pieprasījums jau ir nosūtīts.
form-private_only = Pieprasījumus iesniedz privātā čatā ar mani: atveriet @{ $bot } un nosūtiet /new.
form-error_wrap = ⚠️ { $error }
form-watchers =
    👥 <b>Vai kādu informēt?</b>
    Viņi saņems to pašu, ko jūs (paņemts darbā, jautājumi, gatavs), un varēs atbildēt; var izvēlēties līdz { $max } { $max ->
        [one] cilvēkam
       *[other] cilvēkiem
    }. Spiediet „{ $button }” zemāk vai „Izlaist”.
form-watchers_summary = 👥 Tiek informēti: { $names }
form-repeat_of = 🔂 Iesniedzam vēlreiz kā <b>#{ $id }</b>: spiediet „Paturēt”, lai izmantotu iepriekšējo atbildi, vai sniedziet jaunu.
form-keep_hint = <i>Iepriekš: { $value }</i>

## [form.error]
form-error-use_picker = Lūdzu, spiediet „👥 Izvēlēties cilvēkus” vai „Izlaist” zemāk.
form-error-text_expected = Šeit vajag tekstu, nevis uzlīmi, balss ziņu vai failu.
form-error-empty = Atbilde ir tukša. Lūdzu, uzrakstiet to.
form-error-too_long = Tās ir { $length } { $length ->
        [zero] rakstzīmju
        [one] rakstzīme
       *[other] rakstzīmes
    }, bet ierobežojums ir { $limit }. Lūdzu, saīsiniet.
form-error-not_number = Tas neizskatās pēc skaitļa. Piemēram: 1500 vai 12,5
form-error-number_min = Skaitlim jābūt vismaz { $min }.
form-error-number_max = Skaitlis nedrīkst pārsniegt { $max }.
form-error-bad_date = Nevaru nolasīt šo datumu. Lūdzu, rakstiet to kā DD.MM.GGGG, piemēram, 31.12.2026.
form-error-past_date = Šis datums jau pagājis. Lūdzu, norādiet šodienu vai vēlāku datumu.
form-error-choose_option = Lūdzu, izvēlieties vienu no pogām.
form-error-file_expected = Lūdzu, nosūtiet fotoattēlu vai dokumentu.
form-error-cannot_skip = Šo jautājumu nevar izlaist.
form-error-use_buttons = Lūdzu, spiediet „Nosūtīt” vai „Atcelt” zemāk.

## [button]
button-assign = 👤 Piešķirt
button-reassign = 👤 Piešķirt citam
button-skip = Izlaist
button-back = « Atpakaļ
button-submit = ✅ Nosūtīt
button-cancel = ✖ Atcelt pieprasījumu
button-normal = Parasts
button-urgent = 🔥 Steidzams
button-take = 🙋 Paņemt darbā
button-reject = ⛔ Noraidīt
button-transfer = ➡️ Nodot
button-done = ✅ Gatavs
button-need_info = ❓ Precizēt
button-release = ↩️ Atpakaļ rindā
button-accept = 👍 Pieņemt
button-reopen = 🔁 Atvērt no jauna
button-drop = ✖ Atcelt
button-older = Vecāki »
button-newer = « Jaunāki
button-cancel_form = ✖ Atcelt
button-follow = 🔔 Sekot
button-unfollow = 🔕 Nesekot
button-repeat = 🔂 Atkārtot
button-keep = Paturēt „{ $value }”
button-pick_people = 👥 Izvēlēties cilvēkus

## [status]
status-new = 🆕 jauns
status-in_progress = 🛠 darbā
status-waiting = ⏸ gaida pieteicēja atbildi
status-on_review = 👀 pārbaudē
status-closed = ✅ slēgts
status-rejected = ⛔ noraidīts
status-cancelled = ✖ atcelts

## [priority]
priority-normal = parasta
priority-urgent = 🔥 steidzama

## [card]
card-title = <b>#{ $id }</b> · { $type }
card-requester = Pieteicējs: { $requester }
card-status = Statuss: <b>{ $status }</b>
card-assignee = Izpildītājs: { $assignee }
card-nobody = vēl neviens
card-priority = Prioritāte: { $priority }
card-response_due = Paņemt darbā līdz: { $due }
card-resolve_due = Izpildīt līdz: { $due }
card-needed_by = Vajadzīgs līdz: { $date }
card-paused = Izpildīt līdz: termiņš apturēts, kamēr gaidām atbildi (atlicis { $left })
card-overdue = ⚠️ nokavēts
card-transferred =
    <b>#{ $id }</b> · { $type }
    ➡️ Nodots nodaļai <b>{ $department }</b>.
card-moved =
    <b>#{ $id }</b> · { $type }
    ➡️ Pārcelts uz nodaļas jauno čatu: <b>{ $department }</b> pie tā strādā tur.
card-cut = … [saīsināts: vēl { $count } { $count ->
        [zero] rakstzīmju
        [one] rakstzīme
       *[other] rakstzīmes
    }]
card-file = 📎 { $name }
card-rating = Vērtējums: { $stars }
card-comment = Komentārs: „{ $comment }”

## [notice]
notice-assigned = 📌 <b>{ $actor }</b> jums piešķīra <b>#{ $id }</b> „{ $type }” ({ $department }).
notice-assigned_auto = 📌 Jums piešķirts <b>#{ $id }</b> „{ $type }” ({ $department }).
notice-unassigned = ↪️ <b>{ $actor }</b> uzticēja <b>#{ $id }</b> „{ $type }” citam; jūs pie tā vairs nestrādājat.
notice-handed_over = 📌 <b>#{ $id }</b> „{ $type }” ({ $department }) ir jūsu, kamēr <b>{ $actor }</b> ir prombūtnē.
notice-back_to_queue = ↩️ <b>#{ $id }</b> „{ $type }” atkal ir rindā: <b>{ $actor }</b> ir prombūtnē.
notice-watch_added = 👥 <b>{ $actor }</b> jūs informēs par pieprasījumu <b>#{ $id }</b> „{ $type }” nodaļai { $department }: uzzināsiet, kad to paņems darbā, kad būs jautājumi un kad tas būs gatavs, un varēsiet atbildēt uz šīm ziņām.
notice-taken = 🙋 <b>{ $actor }</b> ({ $department }) paņēma darbā jūsu pieprasījumu <b>#{ $id }</b> „{ $type }”.
notice-released = ↩️ Jūsu pieprasījums <b>#{ $id }</b> atkal ir nodaļas { $department } rindā.
notice-question =
    ❓ <b>{ $actor }</b> ({ $department }) jautā par <b>#{ $id }</b>:

    { $text }

    <i>Lai atbildētu, izvēlieties „Atbildēt” pie šīs ziņas.</i>
notice-done =
    ✅ Nodaļa { $department } pabeidza <b>#{ $id }</b> „{ $type }”.
    Lūdzu, pārbaudiet rezultātu: pieņemiet to vai atveriet no jauna, un novērtējiet darbu no 1 līdz 5.
notice-rejected =
    ⛔ Nodaļa { $department } noraidīja <b>#{ $id }</b> „{ $type }”.
    Iemesls: { $text }
notice-transferred =
    ➡️ Jūsu pieprasījums <b>#{ $id }</b> nodots nodaļai <b>{ $department }</b>.
    Iemesls: { $text }
notice-reopened = 🔁 <b>{ $actor }</b> atvēra <b>#{ $id }</b> no jauna: darbs vēl nav pieņemts.
notice-accepted = 👍 <b>{ $actor }</b> pieņēma <b>#{ $id }</b>.
notice-group_cancelled = ✖ <b>{ $actor }</b> atcēla <b>#{ $id }</b>: vairs nekas nav jādara.
notice-group_cancelled_reason =
    ✖ <b>{ $actor }</b> atcēla <b>#{ $id }</b>: vairs nekas nav jādara.
    Iemesls: { $text }
notice-relay_to_group =
    💬 <b>#{ $id }</b> · { $author } (pieteicējs):
    { $text }
notice-relay_to_requester =
    💬 <b>#{ $id }</b> · { $author }, { $department }:
    { $text }

    <i>Lai atbildētu, izvēlieties „Atbildēt” pie šīs ziņas.</i>
notice-relay_caption_group = 💬 #{ $id } · { $author } (pieteicējs)
notice-relay_caption_requester = 💬 #{ $id } · { $author }, { $department }
notice-unbound = 📭 Pieprasījums <b>#{ $id }</b> nodaļai <b>{ $department }</b> gaida: nodaļai nav piesaistīts neviens čats. Nosūtiet <code>/bind { $key }</code> nodaļas grupā.
notice-delayed = ⏳ Jūsu pieprasījums <b>#{ $id }</b> ir saglabāts, bet nodaļas { $department } čats pašlaik nav sasniedzams. Turpinu mēģināt un to piegādāšu.
notice-unreachable = ⚠️ Nevaru rakstīt nodaļas <b>{ $department }</b> čatā ({ $error }). Lūdzu, pievienojiet mani grupai vēlreiz un nosūtiet tur <code>/bind { $key }</code>.
notice-requester_unreachable = ⚠️ <b>{ $actor }</b> nevar saņemt manas ziņas (bloķēja botu vai nekad to nepalaida), tāpēc neredzēs jaunumus par <b>#{ $id }</b>. Lūdzu, sazinieties tieši.
notice-assignee_unreachable = ⚠️ <b>{ $actor }</b> saņēma <b>#{ $id }</b>, bet nevar saņemt manas ziņas (bloķēja botu vai nekad to nepalaida). Lūdzu, pasakiet to un palūdziet atvērt čatu ar mani un nospiest /start.
notice-chat_unreachable = ⚠️ Jūsu pieprasījums <b>#{ $id }</b> ir saglabāts, bet nevaru to publicēt nodaļas { $department } čatā. Administratori zina; tas tiks piegādāts, tiklīdz čats būs salabots.
notice-bound_requests = 📬 { $count ->
        [zero] Šeit tagad publicēts { $count } gaidošu nodaļas { $department } pieprasījumu.
        [one] Šeit tagad publicēts { $count } gaidošs nodaļas { $department } pieprasījums.
       *[other] Šeit tagad publicēti { $count } gaidoši nodaļas { $department } pieprasījumi.
    }
notice-relay_refused = ⚠️ { $actor }, Telegram nepārsūtīja šo ziņu uz <b>#{ $id }</b> ({ $error }). Lūdzu, nosūtiet to vēlreiz kā tekstu, fotoattēlu vai dokumentu.
notice-files_refused = ⚠️ Nodaļa saņēma <b>#{ $id }</b>, bet Telegram nepublicēja kopā ar to šos failus: { $files }. Lūdzu, nosūtiet tos vēlreiz kā atbildi uz šo ziņu.
notice-card_refused = ⚠️ Telegram noraidīja <b>#{ $id }</b> kartīti nodaļai { $department } ({ $error }), tāpēc izpildītāji to neredz. Pieprasījums ir saglabāts; lūdzu, pasakiet izstrādātājiem.
notice-relay_slow_down = ⏳ Daudzas jūsu ziņas par <b>#{ $id }</b> vēl ir ceļā uz nodaļu { $department }: čats pieņem tikai noteiktu skaitu minūtē. Tās visas pienāks pēc kārtas; teksti tiek apvienoti vienā ziņā.
notice-rate_ask = ⭐ Kā nodaļa { $department } tika galā ar <b>#{ $id }</b> „{ $type }”? Novērtējiet no 1 līdz 5.
notice-rate_remind = ⭐ Atgādinājums: lūdzu, novērtējiet <b>#{ $id }</b> „{ $type }” no 1 līdz 5. Tas ir viens pieskāriens.
notice-auto_closed = ✅ <b>#{ $id }</b> „{ $type }” tika slēgts automātiski: tas palika pārbaudē bez atbildes.
notice-digest_group = ⏰ <b>Termiņi</b>
notice-digest_private = ⏰ <b>Jūsu pieprasījumi</b>
notice-digest_escalate = 🚨 <b>Eskalācija</b>: nokavēti termiņi
notice-digest_stuck = 🐢 <b>Iestrēguši pieprasījumi</b>: bez kustības ilgāk par { $stale }
notice-digest_mention = { $person }, es nevaru jums rakstīt privāti. Lūdzu, atveriet čatu ar mani un nospiediet /start. Pagaidām:
notice-cancelled = ✖ Jūs atcēlāt <b>#{ $id }</b> „{ $type }”. Nodaļa { $department } ir informēta.
notice-cancelled_reason =
    ✖ Jūs atcēlāt <b>#{ $id }</b> „{ $type }”. Nodaļa { $department } ir informēta.
    Iemesls: { $text }
notice-assignee_cancelled = ✖ <b>{ $actor }</b> atcēla <b>#{ $id }</b> „{ $type }”, pie kura strādājāt. Vairs nekas nav jādara.
notice-assignee_cancelled_reason =
    ✖ <b>{ $actor }</b> atcēla <b>#{ $id }</b> „{ $type }”, pie kura strādājāt. Vairs nekas nav jādara.
    Iemesls: { $text }
notice-watch_taken = 👥 <b>#{ $id }</b> „{ $type }”, kam sekojat: <b>{ $actor }</b> ({ $department }) paņēma to darbā.
notice-watch_released = 👥 <b>#{ $id }</b> „{ $type }”, kam sekojat, atkal ir nodaļas { $department } rindā.
notice-watch_question =
    👥 <b>{ $actor }</b> ({ $department }) jautā par <b>#{ $id }</b> „{ $type }”, kam sekojat:

    { $text }

    <i>Lai atbildētu, izvēlieties „Atbildēt” pie šīs ziņas.</i>
notice-watch_done = 👥 Nodaļa { $department } pabeidza <b>#{ $id }</b> „{ $type }”, kam sekojat; tagad to pārbauda pieteicējs.
notice-watch_rejected =
    👥 Nodaļa { $department } noraidīja <b>#{ $id }</b> „{ $type }”, kam sekojat.
    Iemesls: { $text }
notice-watch_transferred =
    👥 <b>#{ $id }</b> „{ $type }”, kam sekojat, nodots nodaļai <b>{ $department }</b>.
    Iemesls: { $text }
notice-watch_cancelled = 👥 <b>{ $actor }</b> atcēla <b>#{ $id }</b> „{ $type }”, kam sekojat.
notice-watch_cancelled_reason =
    👥 <b>{ $actor }</b> atcēla <b>#{ $id }</b> „{ $type }”, kam sekojat.
    Iemesls: { $text }
notice-watcher_unreachable = ⚠️ <b>{ $actor }</b> nevar saņemt manas ziņas par <b>#{ $id }</b> (nekad nepalaida botu vai to bloķēja). Palūdziet atvērt čatu ar mani un nospiest /start.
notice-relay_to_group_watcher =
    💬 <b>#{ $id }</b> · { $author } (tiek informēts):
    { $text }
notice-relay_caption_group_watcher = 💬 #{ $id } · { $author } (tiek informēts)

## [line]
line-remind_response = ⏰ <b>#{ $id }</b> { $type }: vēl neviens nav paņēmis; paņemt līdz { $due }
line-remind_resolve = ⏰ <b>#{ $id }</b> { $type }: pabeigt līdz { $due }
line-breach_response = 🔥 <b>#{ $id }</b> { $type }: nav paņemts laikā (termiņš { $due })
line-breach_resolve = 🔥 <b>#{ $id }</b> { $type }: nokavēts kopš { $due }
line-escalate_response = 🚨 <b>#{ $id }</b> { $type } ({ $department }): nav paņemts laikā (termiņš { $due })
line-escalate_resolve = 🚨 <b>#{ $id }</b> { $type } ({ $department }): nav pabeigts laikā (termiņš { $due })
line-stuck = 🐢 <b>#{ $id }</b> { $type }: { $status }, bez kustības kopš { $due }
line-needed_by = {" "}· vajadzīgs līdz { $date }, pirms termiņa

## [list]
list-part = {" "}({ $part }/{ $parts })
list-more = <i>… un vēl { $count }</i>

## [review]
review-accepted = ✅ Jūs pieņēmāt <b>#{ $id }</b>; tas ir slēgts. Paldies!
review-accepted_rate = ✅ Jūs pieņēmāt <b>#{ $id }</b>; tas ir slēgts. Kā jūs novērtētu darbu?
review-rated = ⭐ Jūs novērtējāt <b>#{ $id }</b>: { $stars }. Pievienot komentāru? Atbildiet uz šo ziņu { $minutes } { $minutes ->
        [one] minūtes
       *[other] minūšu
    } laikā.
review-rated_done = Jūsu vērtējums par <b>#{ $id }</b>: { $stars }.
review-comment_saved = Paldies, jūsu komentārs par <b>#{ $id }</b> ir saglabāts.
review-reopened = 🔁 Jūs atvērāt <b>#{ $id }</b> no jauna; nodaļa { $department } turpina darbu.
review-closed_note = <i>Pieņemiet vai atveriet no jauna; jūsu vērtējums ir saglabāts.</i>

## [prompt]
prompt-reject = { $actor }, atbildiet uz šo ziņu ar iemeslu, kāpēc noraidāt <b>#{ $id }</b>.
prompt-transfer_to = Kurai nodaļai nodot <b>#{ $id }</b>?
prompt-transfer = { $actor }, atbildiet uz šo ziņu ar iemeslu, kāpēc nododat <b>#{ $id }</b> nodaļai <b>{ $department }</b>.
prompt-need_info = { $actor }, atbildiet uz šo ziņu ar savu jautājumu <b>#{ $id }</b> pieteicējam.
prompt-cancelled = Atcelts.
prompt-reason_empty = Lūdzu, atbildiet ar dažiem vārdiem.
prompt-cancel = Atcelt <b>#{ $id }</b>? Atbildiet uz šo ziņu ar iemeslu vai spiediet „Izlaist”, lai atceltu bez tā.

## [press]
press-assigned = #{ $id } ir piešķirts.
press-not_executor = #{ $id } var piešķirt tikai nodaļas izpildītājiem.
press-same_person = #{ $id } jau ir pie šī cilvēka.
press-no_executors = Nodaļai vēl nav izpildītāju, no kuriem izvēlēties: norādiet tos kā executors organizācijas failā, vai viņi pievienosies, nospiežot kartītes pogu.
press-took = Jūs paņēmāt #{ $id } darbā.
press-done = #{ $id } ir pieteicēja pārbaudē.
press-released = #{ $id } atkal ir rindā.
press-ask_reason = Atbildiet uz manu ziņu ar iemeslu.
press-accepted = Pieņemts.
press-reopened = Atvērts no jauna.
press-rated = Paldies: { $score }/5.
press-not_found = Šāds pieprasījums neeksistē.
press-not_allowed = Šī poga nav domāta jums.
press-not_assignee = To var izdarīt tikai izpildītājs ({ $name }) vai vadītājs.
press-wrong_state = Par vēlu: #{ $id } jau ir { $status }.
press-wrong_state_by = Par vēlu: { $actor } jau { $did } #{ $id } plkst. { $time }.
press-same_department = #{ $id } jau ir šajā nodaļā.
press-outdated = Šī poga ir novecojusi.
press-cancelled = #{ $id } ir atcelts.
press-followed = Tagad jūs sekojat #{ $id }: saņemsiet to pašu, ko pieteicējs.
press-unfollowed = Jūs vairs nesekojat #{ $id }.
press-repeat = Jauns pieprasījums kā #{ $id }: paturiet vai mainiet katru atbildi.

## [did]
did-assign = piešķīra
did-reassign = piešķīra citam
did-take = paņēma darbā
did-release = atdeva rindā
did-need_info = jautāja par
did-answer = atbildēja par
did-done = pabeidza
did-accept = pieņēma
did-reopen = atvēra no jauna
did-reject = noraidīja
did-transfer = nodeva
did-cancel = atcēla
did-auto_close = slēdza
did-created = iesniedza
did-follow = sāka sekot
did-unfollow = beidza sekot
did-repeat = atkārtoja

## [my]
my-title = <b>Jūsu pieprasījumi</b>
my-line =
    <b>#{ $id }</b> · { $department } · { $type }
    {"   "}{ $status }{ $due } /show_{ $id }
my-page = <b>Jūsu pieprasījumi</b> ({ $first }–{ $last } no { $total })
my-due = {" "}· termiņš { $due }
my-empty = Jums vēl nav pieprasījumu. /new iesniedz jaunu.

## [queue]
queue-title = <b>{ $department }</b>: { $count } { $count ->
        [zero] atvērtu
        [one] atvērts
       *[other] atvērti
    }
queue-line = <b>#{ $id }</b> { $type } · { $status } · { $assignee }{ $due } /show_{ $id }
queue-empty = <b>{ $department }</b>: nav atvērtu pieprasījumu. 🎉
queue-not_bound = Šis čats vēl nav piesaistīts nodaļai. Administrators var nosūtīt /bind &lt;nodaļa&gt;.

## [bind]
bind-usage = Lietojums: <code>/bind &lt;nodaļa&gt;</code>. Nodaļas: { $keys }
bind-unknown = Nodaļas „{ $key }” nav. Nodaļas: { $keys }
bind-not_admin = Čatus var piesaistīt tikai organizācijas administratori.
bind-done = ✅ Šis čats tagad saņem nodaļas <b>{ $department }</b> pieprasījumus.
bind-done_topic = ✅ Šī tēma tagad saņem nodaļas <b>{ $department }</b> pieprasījumus.
bind-posted = 📋 Šeit publicēti nodaļas <b>{ $department }</b> atvērtie pieprasījumi: { $count }.
bind-groups_only = Nosūtiet /bind nodaļas grupā.

## [group]
group-hello = Sveiki! Es esmu <b>Baton</b>. Administrators piesaista šo grupu nodaļai ar <code>/bind &lt;nodaļa&gt;</code> ({ $keys }). Administratora tiesības man nav vajadzīgas.

## [relay]
relay-sent = ✉️ Nodots nodaļai { $department } (#{ $id }).
relay-sent_requester = ✉️ Nodots #{ $id } pieteicējam.
relay-answered = ✉️ Jūsu atbilde ir nodota nodaļai { $department }; darbs pie #{ $id } turpinās.
relay-closed = #{ $id } ir { $status }, tāpēc to nevaru nodot. /new iesniedz jaunu pieprasījumu.
relay-too_late = Nav nodots: #{ $id } ir { $status } ilgāk par { $days } { $days ->
        [one] dienu
       *[other] dienām
    }, tāpēc pieteicējam par to vairs neraksta.
relay-not_allowed = Par #{ $id } var rakstīt tikai pieteicējs un nodaļa.

## [private]
private-fallback = Lai iesniegtu pieprasījumu, nosūtiet /new; /my parāda jūsu pieprasījumus. Lai rakstītu par pieprasījumu, atbildiet uz manu ziņu par to.

## [flood]
flood-dropped = Jūs nosūtījāt pārāk daudz uzreiz, tāpēc nevarēju visu pieņemt. Mirkli uzgaidiet, tad nosūtiet pēdējās ziņas vēlreiz.
flood-dropped_press = Pārāk daudz spiedienu uzreiz. Mirkli uzgaidiet, tad spiediet vēlreiz.

## [error]
error-generic = Atvainojiet, man kaut kas nogāja greizi. Ievadītais ir saglabāts; lūdzu, mēģiniet vēlreiz pēc brīža.

## [stats]
stats-reassigns = 👤 Piešķirti citam: { $count }
stats-usage = Lietojums: <code>/stats [dienas] [nodaļa]</code>, piemēram, <code>/stats 7 it</code>. Dienas: no 1 līdz 3650.
stats-export_usage = Lietojums: <code>/export [dienas] [nodaļa]</code>, piemēram, <code>/export 90 it</code>. Dienas: no 1 līdz 3650.
stats-refused = Statistika ir pieejama nodaļas vadītājiem un organizācijas administratoriem. Ja jums tā vajadzīga, palūdziet administratoram pievienot jūs sarakstam <code>managers</code>.
stats-refused_department = Jūs nevadāt nodaļu „{ $department }”. Jums pieejamas: { $departments }.
stats-unknown_department = Nodaļas „{ $department }” nav. Nodaļas: { $departments }
stats-group_not_bound = Šis čats nav piesaistīts nodaļai, tāpēc šeit nav statistikas. Vadītāji savu redz privātā čatā ar mani: @{ $bot }.
stats-group_only = Šajā grupā rādu tikai: { $departments }. Citām nodaļām nosūtiet /stats privātā čatā ar mani: @{ $bot }.
stats-export_private = Eksportā ir visu pieprasījumi, tāpēc to sūtu tikai privātā čatā: atveriet @{ $bot } un nosūtiet tur /export.
stats-title = 📊 <b>{ $department }</b> · { $days ->
        [one] pēdējā { $days } diena
       *[other] pēdējās { $days } dienas
    }
stats-volume = Izveidoti { $created } · paņemti { $taken } · pabeigti { $done } · atcelti { $cancelled }
stats-open = Atvērti tagad: { $total } (🆕 { $new } · 🛠 { $in_progress } · ⏸ { $waiting } · 👀 { $on_review })
stats-take = ⏱ Laiks līdz paņemšanai: mediāna { $p50 } · 90% ne ilgāk par { $p90 }
stats-finish = ⏱ Izpildes laiks: mediāna { $p50 } · 90% ne ilgāk par { $p90 }
stats-no_times = —
stats-sla = ✅ SLA ievērots: reakcija { $response } · izpilde { $resolve }
stats-sla_share = { $share } (nokavēti: { $breached })
stats-sla_none = nav datu
stats-stuck = 🐢 Iestrēguši (bez kustības ilgāk par { $stale }): { $count }
stats-transfers = ↔️ Nodošanas: saņemti { $transfers_in } · nodoti { $transfers_out }
stats-ratings = ⭐ Vērtējums { $average } no { $count } { $count ->
        [zero] vērtējumiem
        [one] vērtējuma
       *[other] vērtējumiem
    } · CSAT { $csat }
stats-no_ratings = ⭐ Šajā periodā nav vērtējumu
stats-executors = 👥 <b>Izpildītāji</b> (atvērti · pabeigti · izpildes mediāna · vērtējums):
stats-executor = • { $name }: { $open } · { $done } · { $median } · { $rating }
stats-no_rating = nav vērtējuma
stats-flows_title = 🔀 <b>Kas pie kā vēršas</b>, { $days ->
        [one] pēdējā { $days } diena
       *[other] pēdējās { $days } dienas
    }:
stats-flow = • { $source } → { $target }: { $count }
stats-unknown_source = citi
stats-no_flows = Šajā periodā pieprasījumu nav.
stats-working_time = <i>Laiks ir darba laiks: { $hours } darba dienā.</i>
stats-chart_created = Izveidoti
stats-chart_done = Pabeigti
stats-chart_per_day = Pieprasījumi dienā
stats-chart_compliance = SLA ievērots, % nedēļā
stats-chart_response = Reakcija
stats-chart_resolve = Izpilde
stats-chart_no_data = Šajā periodā pieprasījumu nav
stats-chart_title = { $departments } · { $days ->
        [one] pēdējā { $days } diena
       *[other] pēdējās { $days } dienas
    }
stats-export_caption = 📎 Pieprasījumi nodaļām { $departments }, iesniegti { $days ->
        [one] pēdējā { $days } dienā
       *[other] pēdējās { $days } dienās
    }: { $count }.
stats-export_empty = { $days ->
        [one] Pēdējā { $days } dienā
       *[other] Pēdējās { $days } dienās
    } netika iesniegts neviens pieprasījums.

## [units]
units-minutes = { $m } min
units-hours = { $h } h { $m } min
units-hours_only = { $h } h
units-days = { $d } d. { $h } h

## [access]
access-refused = Atvainojiet, pieprasījumus šeit var iesniegt tikai { $org } darbinieki. Ja strādājat šeit, palūdziet administratoram piešķirt piekļuvi.

## [show]
show-usage = Lietojums: <code>/show N</code>, piemēram, <code>/show 12</code>.
show-not_found = Nav pieprasījuma #{ $id }, ko jūs varētu redzēt.
show-department = Nodaļa: { $department }
show-take_by = Paņemt darbā līdz: { $due }{ $state }
show-done_by = Izpildīt līdz: { $due }{ $state }
show-needed_by = Vajadzīgs līdz: { $date }{ $state }
show-left = {" "}· atlicis { $left }
show-late = {" "}· ⚠️ nokavēts par { $late }
show-met = {" "}· ✅ { $when }
show-missed = {" "}· ⚠️ { $when }, ar nokavējumu
show-paused = {" "}· apturēts, atlicis { $left }
show-days_left = {" "}· pēc { $count } { $count ->
        [one] dienas
       *[other] dienām
    }
show-today = {" "}· šodien
show-days_late = {" "}· ⚠️ nokavēts par { $count } { $count ->
        [one] dienu
       *[other] dienām
    }
show-watchers = Sekotāji: { $watchers }
show-nobody = neviens
show-timeline = <b>Vēsture</b>
show-earlier_messages = … { $count } { $count ->
        [zero] agrāku ziņu
        [one] agrāka ziņa
       *[other] agrākas ziņas
    } starp pieteicēju un nodaļu ir čatos
show-event = { $at } · { $actor } { $did }{ $detail }
show-detail = : „{ $text }”
show-system = Baton
show-file = <b>#{ $id }</b> · { $label }

## [show.did]
show-did-created = iesniedza
show-did-take = paņēma darbā
show-did-release = atdeva rindā
show-did-need_info = jautāja
show-did-answer = atbildēja
show-did-done = pabeidza
show-did-accept = pieņēma
show-did-reopen = atvēra no jauna
show-did-reject = noraidīja
show-did-transfer = nodeva no nodaļas { $from } nodaļai { $to }
show-did-cancel = atcēla
show-did-auto_close = slēdza (laikā nebija atbildes)
show-did-assign = piešķīra
show-did-reassign = uzticēja citam
show-did-follow = sāka sekot
show-did-unfollow = beidza sekot
show-did-repeat = iesniedza vēlreiz
show-did-rated = novērtēja: { $stars }
show-did-commented = komentēja
show-did-message = rakstīja

## [find]
find-usage = Lietojums: <code>/find vārdi</code> — pieprasījuma numurs, vārdi no atbildēm vai pieteicēja vārds.
find-title = <b>Atrasts pēc „{ $query }”</b>
find-none = Pēc „{ $query }” nekas netika atrasts.
find-line = <b>#{ $id }</b> · { $type } · { $status } · { $requester } /show_{ $id }

## [picker]
picker-assign = Kam piešķirt <b>#{ $id }</b>? Skaitlis ir katra atvērtie pieprasījumi šeit.
picker-reassign = Kam uzticēt <b>#{ $id }</b>? Skaitlis ir katra atvērtie pieprasījumi šeit.
picker-choice = { $name } · { $count } { $count ->
        [zero] atvērtu
        [one] atvērts
       *[other] atvērti
    }
picker-away = { $name } · { $count } { $count ->
        [zero] atvērtu
        [one] atvērts
       *[other] atvērti
    } · prombūtnē

## [away]
away-usage =
    Lietojums: <code>/away DD.MM.GGGG-DD.MM.GGGG [@aizvietotājs vai id]</code> (vai viena diena: <code>/away DD.MM.GGGG</code>), piemēram, <code>/away 01.12.2026-14.12.2026 @egor</code>.
    Pirmajā dienā jūsu atvērtie pieprasījumi pāriet aizvietotājam vai, ja tāda nav, atgriežas rindā; pa to laiku jums jaunus nepiešķir. /back to beidz.
away-bad_dates = Nevaru nolasīt „{ $text }” kā divus datumus.
away-end_before_start = Periods beidzas, pirms sākas.
away-past = Šis periods jau ir beidzies.
away-unknown_deputy = Es nepazīstu „{ $deputy }”: aizvietotājam vispirms jāuzraksta man vai jānospiež kāda mana poga. Varat norādīt arī viņa Telegram id.
away-self_deputy = Jūs nevarat būt pats sev aizvietotājs.
away-deputy_elsewhere = { $deputy } nestrādā jūsu nodaļā: aizvietotājam jāvar strādāt ar tās kartītēm.
away-not_executor = /away ir nodaļu izpildītājiem.
away-saved = 🌴 Jūs esat prombūtnē no { $starts } līdz { $ends }.
away-to_deputy = { $starts } jūsu atvērtie pieprasījumi pāries pie: { $deputy }.
away-to_queue = { $starts } jūsu atvērtie pieprasījumi atgriezīsies rindā.
away-back = 👋 Laipni lūdzam atpakaļ: jums atkal piešķir pieprasījumus.
away-not_away = Jūs neesat atzīmēts kā prombūtnē.

## [button]
button-approve = ✅ Apstiprināt
button-decline = ⛔ Noraidīt
button-question = ❓ Jautāt

## [status]
status-approval = ⏳ gaida apstiprinājumu
status-declined = 🚫 nav apstiprināts

## [notice]
notice-approval_submitted = ⏳ Pieprasījumam <b>#{ $id }</b> „{ $type }” nodaļai <b>{ $department }</b> vispirms vajadzīgs apstiprinājums. Apstiprina: { $names }. Es paziņošu, kad būs pieņemts lēmums.
notice-approval_question =
    ❓ <b>{ $actor }</b>, kas apstiprina jūsu pieprasījumu <b>#{ $id }</b> „{ $type }”, jautā:
    { $text }

    <i>Lai atbildētu, izvēlieties „Atbildēt” pie šīs ziņas.</i>
notice-approved = ✅ <b>{ $actor }</b> apstiprināja jūsu pieprasījumu <b>#{ $id }</b> „{ $type }”; tagad tas ir nodots nodaļai <b>{ $department }</b>.
notice-watch_approved = ✅ <b>{ $actor }</b> apstiprināja pieprasījumu <b>#{ $id }</b> „{ $type }”; tagad tas ir nodots nodaļai <b>{ $department }</b>.
notice-declined =
    🚫 <b>{ $actor }</b> neapstiprināja jūsu pieprasījumu <b>#{ $id }</b> „{ $type }”.
    Iemesls: { $text }
notice-watch_declined =
    🚫 <b>{ $actor }</b> neapstiprināja pieprasījumu <b>#{ $id }</b> „{ $type }”.
    Iemesls: { $text }
notice-approval_remind = ⏰ Pieprasījums <b>#{ $id }</b> „{ $type }” ({ $department }) joprojām gaida jūsu lēmumu: lūdzu, spiediet „Apstiprināt”, „Noraidīt” vai „Jautāt” zem manas ziņas par to.
notice-approval_escalated = ⚠️ Pieprasījums <b>#{ $id }</b> „{ $type }” ({ $department }) pārāk ilgi gaida apstiprinājumu: atbildes nav pat pēc atgādinājuma (apstiprina: { $names }).
notice-approver_unreachable = ⚠️ Jūsu pieprasījums <b>#{ $id }</b> jāapstiprina: <b>{ $actor }</b>, bet šis cilvēks nevar saņemt manas ziņas (nekad nepalaida botu vai to bloķēja). Lūdzu, palūdziet atvērt čatu ar mani un nospiest /start.
notice-approver_unreachable_admin = ⚠️ Pieprasījums <b>#{ $id }</b> „{ $type }” ({ $department }) jāapstiprina: <b>{ $actor }</b>, bet šis cilvēks nevar saņemt manas ziņas (nekad nepalaida botu vai to bloķēja). Palūdziet atvērt čatu ar mani un nospiest /start; vai arī pieteicējs var pieprasījumu atcelt un nosūtīt vēlreiz.

## [notice.rating_told]
notice-rating_told-rated = ⭐ { $actor } novērtēja #{ $id } „{ $type }”: { $stars }
notice-rating_told-rated_comment = ⭐ { $actor } novērtēja #{ $id } „{ $type }”: { $stars } — { $text }

## [notice.org_reload]
notice-org_reload-done = 🔄 Organizācijas fails ir pārlādēts ({ $source }): tagad darbojas versija { $version }. Jaunie pieprasījumi seko tai; atvērtajiem termiņi paliek iepriekšējie.
notice-org_reload-refused =
    ⚠️ Organizācijas fails netika pārlādēts ({ $source }); joprojām darbojas versija { $version }.
    <code>{ $error }</code>

## [prompt]
prompt-decline = { $actor }, atbildiet uz šo ziņu ar iemeslu, kāpēc neapstiprināt <b>#{ $id }</b>.
prompt-ask = { $actor }, atbildiet uz šo ziņu ar savu jautājumu <b>#{ $id }</b> pieteicējam.

## [press]
press-approved = #{ $id } ir apstiprināts un nonāk nodaļā.

## [did]
did-approve = apstiprināja
did-decline = noraidīja
did-question = jautāja par

## [relay]
relay-sent_approver = ✉️ Nodots #{ $id } apstiprinātājam.

## [stats]
stats-approvals = ✋ Pieprasīti apstiprinājumi: { $count } · noraidīti { $declined } · mediāna līdz apstiprinājumam { $p50 }

## [stats.low_ratings]
stats-low_ratings-title = 👎 <b>Jaunākie zemie vērtējumi</b> (3 un mazāk):
stats-low_ratings-line = • /show_{ $id } { $stars } { $rater }
stats-low_ratings-comment = • /show_{ $id } { $stars } { $rater }: „{ $comment }”

## [show.did]
show-did-approve = apstiprināja
show-did-decline = noraidīja
show-did-question = jautāja pieteicējam

## [weekly]
weekly-title = 📅 <b>{ $department }</b> · nedēļa { $first }–{ $last }
weekly-columns = <i>šī nedēļa · iepriekšējā</i>
weekly-created = Izveidoti: { $this } · { $before }
weekly-done = Pabeigti: { $this } · { $before }
weekly-sla_response = ✅ Reakcijas SLA ievērots: { $this } · { $before }
weekly-sla_resolve = ✅ Izpildes SLA ievērots: { $this } · { $before }
weekly-csat = ⭐ CSAT: { $this } · { $before }
weekly-csat_value = { $csat } no { $count } { $count ->
        [zero] vērtējumiem
        [one] vērtējuma
       *[other] vērtējumiem
    }
weekly-take = ⏱ Laika līdz paņemšanai mediāna: { $this } · { $before }
weekly-finish = ⏱ Izpildes laika mediāna: { $this } · { $before }
weekly-none = —
weekly-breached = 🚨 <b>Pašlaik nokavēti</b>: { $count }
weekly-breached_line = • /show_{ $id } { $type } · { $status } · termiņš bija { $due }
weekly-stuck = 🐢 <b>Iestrēguši</b> (bez kustības ilgāk par { $stale }): { $count }
weekly-stuck_line = • /show_{ $id } { $type } · { $status } · pēdējā kustība { $at }
weekly-load = 👥 <b>Pašreizējā slodze</b>:
weekly-load_line = • { $name }: { $count }
weekly-no_load = • nevienam nav atvērtu pieprasījumu
weekly-lowest = 👎 <b>Zemākie vērtējumi</b> nedēļā:
weekly-rating_line = • /show_{ $id } { $stars } { $rater }
weekly-rating_comment = • /show_{ $id } { $stars } { $rater }: „{ $comment }”
weekly-no_ratings = • šonedēļ nav vērtējumu
weekly-chart_title = { $department } · { $first }–{ $last }

## [approval]
approval-title = ⏳ <b>#{ $id }</b> · { $type } — vajadzīgs apstiprinājums
approval-waiting = Apstipriniet, noraidiet (norādot iemeslu) vai uzdodiet jautājumu pieteicējam.
approval-approved_by = ✅ Apstiprināja <b>{ $actor }</b>, { $when }.
approval-declined_by = 🚫 Noraidīja <b>{ $actor }</b>, { $when }.
approval-show_approvers = Apstiprinātāji: { $names }

## [review fixes: approvals]
notice-cancelled_approval = ✖ Jūs atcēlāt <b>#{ $id }</b> „{ $type }”, kamēr tas gaidīja apstiprinājumu.
notice-cancelled_approval_reason =
    ✖ Jūs atcēlāt <b>#{ $id }</b> „{ $type }”, kamēr tas gaidīja apstiprinājumu.
    Iemesls: { $text }
approval-cancelled_by = ✖ Atcēla <b>{ $actor }</b>, { $when }.
press-ask_question = Atbildiet uz manu ziņu ar savu jautājumu.
relay-question_sent = ✉️ Jūsu jautājums par #{ $id } nosūtīts pieteicējam; atbilde pienāks šeit.
notice-relay_from_requester =
    💬 <b>#{ $id }</b> · { $author } (pieteicējs):
    { $text }

    <i>Lai atbildētu, izvēlieties „Atbildēt” pie šīs ziņas.</i>
notice-relay_from_approver =
    💬 <b>#{ $id }</b> · { $author } (apstiprinātājs):
    { $text }

    <i>Lai atbildētu, izvēlieties „Atbildēt” pie šīs ziņas.</i>
notice-relay_caption_from_requester = 💬 #{ $id } · { $author } (pieteicējs)
notice-relay_caption_from_approver = 💬 #{ $id } · { $author } (apstiprinātājs)
