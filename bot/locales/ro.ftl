## [start]
start-greeting =
    Bună, { $name }! Sunt <b>Baton</b>, biroul de solicitări al { $org }.

    Spune-mi de ce ai nevoie de la alt departament: îți pun câteva întrebări scurte, trimit solicitarea echipei potrivite, urmăresc termenul și te țin la curent.

    /new — o solicitare nouă
    /my — solicitările tale
    /help — toate comenzile

## [help]
help-private =
    <b>Ce pot face</b>
    /new — trimite o solicitare unui departament
    /my — solicitările tale, starea și termenele lor (întâi cele deschise, câte 10)
    /show N — totul despre solicitarea #N: răspunsuri, termene, istoric (sau atinge /show_N într-o listă)
    /find TEXT — caută solicitări după număr, cuvinte din răspunsuri sau numele solicitantului
    /cancel — renunță la formularul început
    /help — această listă
    /away ZZ.LL.AAAA-ZZ.LL.AAAA [@înlocuitor] — (executanți) absență: solicitările tale trec la înlocuitor sau înapoi în coadă
    /back — revenire după absență

    Ca să scrii celor care lucrează la solicitarea ta, <b>răspunde</b> la mesajul meu despre ea.
help-group =
    <b>Baton în acest grup</b>
    /queue — solicitările deschise ale departamentului, întâi cele cu termenul cel mai apropiat
    /show N — totul despre solicitarea #N a departamentului
    /find TEXT — caută solicitările departamentului după număr, cuvinte sau solicitant
    /bind &lt;departament&gt; — (administratori) solicitările departamentului vin în acest grup
    Butoanele de pe fișa unei solicitări o preiau, o finalizează, o resping sau o transferă. Răspunde la fișă ca să-i scrii solicitantului.
    Manageri: <b>Atribuie</b> / <b>Reatribuie</b> pe fișă arată executanții cărora le-o puteți da.

## [commands]
commands-away = Absent câteva zile (executanți)
commands-back = Revenire după absență
commands-start = Pornire și salut
commands-new = Trimite o solicitare
commands-my = Solicitările mele
commands-cancel = Renunță la formular
commands-help = Ce poate face botul
commands-queue = Solicitările deschise ale departamentului
commands-show = Arată o solicitare: /show N
commands-find = Caută solicitări după cuvinte sau număr
commands-bind = Leagă chatul de un departament (administratori)
commands-stats = Statistici (manageri)
commands-export = Export solicitări în CSV (manageri)

## [form]
form-choose_department = <b>Solicitare nouă.</b> De la ce departament ai nevoie de ajutor?
form-choose_type = <b>{ $department }</b>: ce fel de solicitare?
form-question = <b>{ $number }/{ $total }. { $label }</b>
form-hint_text = Scrie răspunsul (cel mult { $limit } { $limit ->
        [one] caracter
        [few] caractere
       *[other] de caractere
    }).
form-hint_number = Trimite un număr.
form-hint_number_range = Trimite un număr între { $min } și { $max }.
form-hint_number_min = Trimite un număr de cel puțin { $min }.
form-hint_number_max = Trimite un număr de cel mult { $max }.
form-hint_date = Trimite o dată: ZZ.LL.AAAA sau AAAA-LL-ZZ.
form-hint_choice = Alege unul dintre butoane.
form-hint_file = Trimite o fotografie sau un document.
form-hint_optional = <i>Opțional: apasă „Omite” dacă nu e cazul.</i>
form-priority = <b>Cât de urgent este?</b> Solicitările urgente au termene mai scurte.
form-summary =
    <b>Verifică solicitarea, te rog</b>

    <b>{ $department } · { $type }</b>
    { $answers }
    { $priority_line }
    O trimit?
form-priority_line = Prioritate: { $priority }
form-answer_line = <b>{ $label }:</b> { $value }
form-skipped = —
form-submitted =
    ✅ Solicitarea <b>#{ $id }</b> a fost trimisă către <b>{ $department }</b>.
    Preluare până la { $response_due }, rezolvare până la { $resolve_due }.{ $needed_by }
    Îți spun când o preia cineva. Ca să le scrii, răspunde la mesajele mele despre #{ $id }.
form-submitted_needed_by = {"\u000A"}Ai nevoie de ea până la { $date }.
form-submitted_unbound = {"\u000A"}<i>{ $department } nu și-a conectat încă chatul; administratorii au fost anunțați, iar solicitarea așteaptă în siguranță.</i>
form-cancelled = Formular anulat, nu s-a trimis nimic. /new o ia de la capăt.
form-nothing_to_cancel = Nu e nimic de anulat. /new trimite o solicitare.
form-resumed = Ai o solicitare neterminată; continuăm de unde ai rămas. /cancel renunță la ea.
form-broken = Setările organizației s-au schimbat cât completai formularul. Te rog să reiei cu /new.
form-stale = Acest buton ține de un pas anterior.
form-changed = Setările organizației au adăugat o întrebare în acest formular: răspunde la ea, apoi trimite.
form-already_submitted = Solicitarea a fost deja trimisă.
form-private_only = Solicitările se trimit într-un chat privat cu mine: deschide @{ $bot } și trimite /new.
form-error_wrap = ⚠️ { $error }
form-watchers =
    👥 <b>Mai ții pe cineva la curent?</b>
    Vor afla ce afli și tu despre această solicitare (preluare, întrebări, finalizare) și vor putea răspunde; cel mult { $max } { $max ->
        [one] persoană
        [few] persoane
       *[other] de persoane
    }. Apasă „{ $button }” mai jos sau „Omite”.
form-watchers_summary = 👥 Ținuți la curent: { $names }
form-repeat_of = 🔂 Trimiți din nou ca <b>#{ $id }</b>: apasă „Păstrează” ca să refolosești un răspuns anterior sau dă unul nou.
form-keep_hint = <i>Anterior: { $value }</i>

## [form.error]
form-error-use_picker = Te rog să apeși „👥 Alege persoane” sau „Omite” mai jos.
form-error-text_expected = Aici am nevoie de text, nu de un sticker, un mesaj vocal sau un fișier.
form-error-empty = Răspunsul este gol. Te rog să-l scrii.
form-error-too_long = Ai scris { $length } { $length ->
        [one] caracter
        [few] caractere
       *[other] de caractere
    }; limita este { $limit }. Te rog să scurtezi.
form-error-not_number = Nu pare a fi un număr. De exemplu: 1500 sau 12,5
form-error-number_min = Numărul trebuie să fie cel puțin { $min }.
form-error-number_max = Numărul trebuie să fie cel mult { $max }.
form-error-bad_date = Nu pot citi această dată. Scrie-o ca ZZ.LL.AAAA, de exemplu 31.12.2026.
form-error-past_date = Data a trecut deja. Te rog să dai data de azi sau una ulterioară.
form-error-choose_option = Te rog să alegi unul dintre butoane.
form-error-file_expected = Te rog să trimiți o fotografie sau un document.
form-error-cannot_skip = Această întrebare nu poate fi omisă.
form-error-use_buttons = Te rog să apeși „Trimite” sau „Anulează” mai jos.

## [button]
button-assign = 👤 Atribuie
button-reassign = 👤 Reatribuie
button-skip = Omite
button-back = « Înapoi
button-submit = ✅ Trimite
button-cancel = ✖ Anulează solicitarea
button-normal = Normală
button-urgent = 🔥 Urgentă
button-take = 🙋 Preia
button-reject = ⛔ Respinge
button-transfer = ➡️ Transferă
button-done = ✅ Gata
button-need_info = ❓ Cere detalii
button-release = ↩️ Eliberează
button-accept = 👍 Acceptă
button-reopen = 🔁 Redeschide
button-drop = ✖ Anulează
button-older = Mai vechi »
button-newer = « Mai noi
button-cancel_form = ✖ Anulează
button-follow = 🔔 Urmărește
button-unfollow = 🔕 Nu mai urmări
button-repeat = 🔂 Repetă
button-keep = Păstrează „{ $value }”
button-pick_people = 👥 Alege persoane

## [status]
status-new = 🆕 nouă
status-in_progress = 🛠 în lucru
status-waiting = ⏸ așteaptă solicitantul
status-on_review = 👀 în verificare
status-closed = ✅ închisă
status-rejected = ⛔ respinsă
status-cancelled = ✖ anulată

## [priority]
priority-normal = normală
priority-urgent = 🔥 urgentă

## [card]
card-title = <b>#{ $id }</b> · { $type }
card-requester = De la: { $requester }
card-status = Stare: <b>{ $status }</b>
card-assignee = Responsabil: { $assignee }
card-nobody = încă nimeni
card-priority = Prioritate: { $priority }
card-response_due = Preluare până la: { $due }
card-resolve_due = Rezolvare până la: { $due }
card-needed_by = Necesară până la: { $date }
card-paused = Rezolvare până la: termen oprit cât se așteaptă răspunsul (mai sunt { $left })
card-overdue = ⚠️ termen depășit
card-transferred =
    <b>#{ $id }</b> · { $type }
    ➡️ Transferată la <b>{ $department }</b>.
card-moved =
    <b>#{ $id }</b> · { $type }
    ➡️ Mutată în noul chat al departamentului: <b>{ $department }</b> lucrează la ea acolo.
card-cut = … [tăiat: încă { $count } { $count ->
        [one] caracter
        [few] caractere
       *[other] de caractere
    }]
card-file = 📎 { $name }
card-rating = Notă: { $stars }
card-comment = Comentariu: „{ $comment }”

## [notice]
notice-assigned = 📌 <b>{ $actor }</b> ți-a atribuit <b>#{ $id }</b> „{ $type }” ({ $department }).
notice-assigned_auto = 📌 <b>#{ $id }</b> „{ $type }” ({ $department }) ți-a fost atribuită.
notice-unassigned = ↪️ <b>{ $actor }</b> a dat <b>#{ $id }</b> „{ $type }” altcuiva; nu mai lucrezi la ea.
notice-handed_over = 📌 <b>#{ $id }</b> „{ $type }” ({ $department }) este a ta cât timp <b>{ $actor }</b> lipsește.
notice-back_to_queue = ↩️ <b>#{ $id }</b> „{ $type }” s-a întors în coadă: <b>{ $actor }</b> lipsește.
notice-watch_added = 👥 <b>{ $actor }</b> te ține la curent cu solicitarea <b>#{ $id }</b> „{ $type }” către { $department }: vei afla când e preluată, când apar întrebări și când e gata, și poți răspunde la aceste mesaje.
notice-taken = 🙋 <b>{ $actor }</b> ({ $department }) a preluat solicitarea ta <b>#{ $id }</b> „{ $type }”.
notice-released = ↩️ Solicitarea ta <b>#{ $id }</b> e din nou în coada departamentului { $department }.
notice-question =
    ❓ <b>{ $actor }</b> ({ $department }) are o întrebare despre <b>#{ $id }</b>:

    { $text }

    <i>Ca să răspunzi, apasă „Răspunde” pe acest mesaj.</i>
notice-done =
    ✅ { $department } a finalizat <b>#{ $id }</b> „{ $type }”.
    Te rog să verifici rezultatul: acceptă-l sau redeschide-l și notează munca de la 1 la 5.
notice-rejected =
    ⛔ { $department } a respins <b>#{ $id }</b> „{ $type }”.
    Motiv: { $text }
notice-transferred =
    ➡️ Solicitarea ta <b>#{ $id }</b> a fost transferată la <b>{ $department }</b>.
    Motiv: { $text }
notice-reopened = 🔁 <b>{ $actor }</b> a redeschis <b>#{ $id }</b>: munca nu este încă acceptată.
notice-accepted = 👍 <b>{ $actor }</b> a acceptat <b>#{ $id }</b>.
notice-group_cancelled = ✖ <b>{ $actor }</b> a anulat <b>#{ $id }</b>: nu mai e nimic de făcut.
notice-group_cancelled_reason =
    ✖ <b>{ $actor }</b> a anulat <b>#{ $id }</b>: nu mai e nimic de făcut.
    Motiv: { $text }
notice-relay_to_group =
    💬 <b>#{ $id }</b> · { $author } (solicitant):
    { $text }
notice-relay_to_requester =
    💬 <b>#{ $id }</b> · { $author }, { $department }:
    { $text }

    <i>Ca să răspunzi, apasă „Răspunde” pe acest mesaj.</i>
notice-relay_caption_group = 💬 #{ $id } · { $author } (solicitant)
notice-relay_caption_requester = 💬 #{ $id } · { $author }, { $department }
notice-unbound = 📭 Solicitarea <b>#{ $id }</b> pentru <b>{ $department }</b> așteaptă: niciun chat nu e legat de departament. Trimite <code>/bind { $key }</code> în grupul departamentului.
notice-delayed = ⏳ Solicitarea ta <b>#{ $id }</b> e salvată, dar chatul departamentului { $department } nu poate fi contactat acum. Încerc în continuare și o voi livra.
notice-unreachable = ⚠️ Nu pot scrie în chatul departamentului <b>{ $department }</b> ({ $error }). Te rog să mă adaugi din nou în grup și să trimiți acolo <code>/bind { $key }</code>.
notice-requester_unreachable = ⚠️ <b>{ $actor }</b> nu poate primi mesajele mele (a blocat botul sau nu l-a pornit niciodată), deci nu va vedea noutățile despre <b>#{ $id }</b>. Te rog să iei direct legătura.
notice-assignee_unreachable = ⚠️ <b>{ $actor }</b> a primit <b>#{ $id }</b>, dar nu poate primi mesajele mele (a blocat botul sau nu l-a pornit niciodată). Te rog să-i spui și să-i ceri să deschidă un chat cu mine și să apese /start.
notice-chat_unreachable = ⚠️ Solicitarea ta <b>#{ $id }</b> e salvată, dar nu o pot publica în chatul departamentului { $department }. Administratorii au fost anunțați; va fi livrată imediat ce chatul e reparat.
notice-bound_requests = 📬 { $count ->
        [one] { $count } solicitare în așteptare a departamentului { $department } este acum publicată aici.
        [few] { $count } solicitări în așteptare ale departamentului { $department } sunt acum publicate aici.
       *[other] { $count } de solicitări în așteptare ale departamentului { $department } sunt acum publicate aici.
    }
notice-relay_refused = ⚠️ { $actor }, Telegram nu a transmis acest mesaj către <b>#{ $id }</b> ({ $error }). Te rog să-l trimiți din nou ca text, fotografie sau document.
notice-files_refused = ⚠️ Departamentul a primit <b>#{ $id }</b>, dar Telegram nu a publicat aceste fișiere odată cu ea: { $files }. Te rog să le trimiți din nou ca răspuns la acest mesaj.
notice-card_refused = ⚠️ Telegram a refuzat fișa pentru <b>#{ $id }</b> destinată departamentului { $department } ({ $error }), așa că executanții nu o văd. Solicitarea e salvată; te rog să anunți dezvoltatorii.
notice-relay_slow_down = ⏳ Multe dintre mesajele tale despre <b>#{ $id }</b> sunt încă pe drum spre { $department }: chatul primește doar un anumit număr pe minut. Vor ajunge toate, în ordine; textele sunt unite într-un singur mesaj.
notice-rate_ask = ⭐ Cum s-a descurcat { $department } cu <b>#{ $id }</b> „{ $type }”? Dă o notă de la 1 la 5.
notice-rate_remind = ⭐ O reamintire: te rog să notezi <b>#{ $id }</b> „{ $type }” de la 1 la 5. E nevoie de o singură atingere.
notice-auto_closed = ✅ <b>#{ $id }</b> „{ $type }” a fost închisă automat: a rămas în verificare fără răspuns.
notice-digest_group = ⏰ <b>Termene</b>
notice-digest_private = ⏰ <b>Solicitările tale</b>
notice-digest_escalate = 🚨 <b>Escaladare</b>: termene depășite
notice-digest_stuck = 🐢 <b>Solicitări blocate</b>: nicio mișcare de { $stale }
notice-digest_mention = { $person }, nu îți pot scrie în privat. Te rog să deschizi un chat cu mine și să apeși /start. Până atunci:
notice-cancelled = ✖ Ai anulat <b>#{ $id }</b> „{ $type }”. { $department } a fost anunțat.
notice-cancelled_reason =
    ✖ Ai anulat <b>#{ $id }</b> „{ $type }”. { $department } a fost anunțat.
    Motiv: { $text }
notice-assignee_cancelled = ✖ <b>{ $actor }</b> a anulat <b>#{ $id }</b> „{ $type }”, la care lucrai. Nu mai e nimic de făcut.
notice-assignee_cancelled_reason =
    ✖ <b>{ $actor }</b> a anulat <b>#{ $id }</b> „{ $type }”, la care lucrai. Nu mai e nimic de făcut.
    Motiv: { $text }
notice-watch_taken = 👥 <b>#{ $id }</b> „{ $type }”, pe care o urmărești: <b>{ $actor }</b> ({ $department }) a preluat-o.
notice-watch_released = 👥 <b>#{ $id }</b> „{ $type }”, pe care o urmărești, e din nou în coada departamentului { $department }.
notice-watch_question =
    👥 <b>{ $actor }</b> ({ $department }) are o întrebare despre <b>#{ $id }</b> „{ $type }”, pe care o urmărești:

    { $text }

    <i>Ca să răspunzi, apasă „Răspunde” pe acest mesaj.</i>
notice-watch_done = 👥 { $department } a finalizat <b>#{ $id }</b> „{ $type }”, pe care o urmărești; acum o verifică solicitantul.
notice-watch_rejected =
    👥 { $department } a respins <b>#{ $id }</b> „{ $type }”, pe care o urmărești.
    Motiv: { $text }
notice-watch_transferred =
    👥 <b>#{ $id }</b> „{ $type }”, pe care o urmărești, a fost transferată la <b>{ $department }</b>.
    Motiv: { $text }
notice-watch_cancelled = 👥 <b>{ $actor }</b> a anulat <b>#{ $id }</b> „{ $type }”, pe care o urmărești.
notice-watch_cancelled_reason =
    👥 <b>{ $actor }</b> a anulat <b>#{ $id }</b> „{ $type }”, pe care o urmărești.
    Motiv: { $text }
notice-watcher_unreachable = ⚠️ <b>{ $actor }</b> nu poate primi mesajele mele despre <b>#{ $id }</b> (nu a pornit niciodată botul sau l-a blocat). Roagă-l să deschidă un chat cu mine și să apese /start.
notice-relay_to_group_watcher =
    💬 <b>#{ $id }</b> · { $author } (ținut la curent):
    { $text }
notice-relay_caption_group_watcher = 💬 #{ $id } · { $author } (ținut la curent)

## [line]
line-remind_response = ⏰ <b>#{ $id }</b> { $type }: încă nu a preluat-o nimeni; preluare până la { $due }
line-remind_resolve = ⏰ <b>#{ $id }</b> { $type }: de rezolvat până la { $due }
line-breach_response = 🔥 <b>#{ $id }</b> { $type }: nepreluată la timp (termen { $due })
line-breach_resolve = 🔥 <b>#{ $id }</b> { $type }: termen depășit din { $due }
line-escalate_response = 🚨 <b>#{ $id }</b> { $type } ({ $department }): nepreluată la timp (termen { $due })
line-escalate_resolve = 🚨 <b>#{ $id }</b> { $type } ({ $department }): nerezolvată la timp (termen { $due })
line-stuck = 🐢 <b>#{ $id }</b> { $type }: { $status }, nicio mișcare din { $due }
line-needed_by = {" "}· necesară până la { $date }, înainte de termen

## [list]
list-part = {" "}({ $part }/{ $parts })
list-more = <i>… și încă { $count }</i>

## [review]
review-accepted = ✅ Ai acceptat <b>#{ $id }</b>; solicitarea e închisă. Mulțumim!
review-accepted_rate = ✅ Ai acceptat <b>#{ $id }</b>; solicitarea e închisă. Ce notă dai muncii?
review-rated = ⭐ Ai notat <b>#{ $id }</b>: { $stars }. Adaugi un comentariu? Răspunde la acest mesaj în { $minutes } { $minutes ->
        [one] minut
        [few] minute
       *[other] de minute
    }.
review-rated_done = Nota ta pentru <b>#{ $id }</b>: { $stars }.
review-comment_saved = Mulțumim, comentariul tău despre <b>#{ $id }</b> a fost salvat.
review-reopened = 🔁 Ai redeschis <b>#{ $id }</b>; { $department } continuă lucrul.
review-closed_note = <i>Acceptă sau redeschide; nota ta e salvată.</i>

## [prompt]
prompt-reject = { $actor }, răspunde la acest mesaj cu motivul respingerii <b>#{ $id }</b>.
prompt-transfer_to = La ce departament transferi <b>#{ $id }</b>?
prompt-transfer = { $actor }, răspunde la acest mesaj cu motivul transferului <b>#{ $id }</b> la <b>{ $department }</b>.
prompt-need_info = { $actor }, răspunde la acest mesaj cu întrebarea ta pentru solicitantul <b>#{ $id }</b>.
prompt-cancelled = Anulat.
prompt-reason_empty = Te rog să răspunzi cu câteva cuvinte.
prompt-cancel = Anulezi <b>#{ $id }</b>? Răspunde la acest mesaj cu motivul sau apasă „Omite” ca să anulezi fără motiv.

## [press]
press-assigned = #{ $id } a fost atribuită.
press-not_executor = #{ $id } poate fi atribuită doar executanților departamentului.
press-same_person = #{ $id } e deja la această persoană.
press-no_executors = Departamentul nu are încă executanți din care să alegi: trece-i la executors în fișierul organizației sau se alătură apăsând un buton de pe o fișă.
press-took = Ai preluat #{ $id }.
press-done = #{ $id } e în verificare la solicitant.
press-released = #{ $id } e din nou în coadă.
press-ask_reason = Răspunde la mesajul meu cu motivul.
press-accepted = Acceptat.
press-reopened = Redeschisă.
press-rated = Mulțumim: { $score }/5.
press-not_found = Această solicitare nu există.
press-not_allowed = Butonul nu e pentru tine.
press-not_assignee = Doar responsabilul ({ $name }) sau un manager poate face asta.
press-wrong_state = Prea târziu: #{ $id } este deja { $status }.
press-wrong_state_by = Prea târziu: { $actor } a { $did } #{ $id } la { $time }.
press-same_department = #{ $id } e deja în acest departament.
press-outdated = Butonul nu mai e valabil.
press-cancelled = #{ $id } a fost anulată.
press-followed = Urmărești acum #{ $id }: vei afla ce află solicitantul.
press-unfollowed = Nu mai urmărești #{ $id }.
press-repeat = O solicitare nouă ca #{ $id }: păstrează sau schimbă fiecare răspuns.

## [did]
did-assign = atribuit
did-reassign = reatribuit
did-take = preluat
did-release = eliberat
did-need_info = cerut detalii despre
did-answer = răspuns despre
did-done = finalizat
did-accept = acceptat
did-reopen = redeschis
did-reject = respins
did-transfer = transferat
did-cancel = anulat
did-auto_close = închis
did-created = trimis
did-follow = început să urmărească
did-unfollow = încetat să urmărească
did-repeat = repetat

## [my]
my-title = <b>Solicitările tale</b>
my-line =
    <b>#{ $id }</b> · { $department } · { $type }
    {"   "}{ $status }{ $due } /show_{ $id }
my-page = <b>Solicitările tale</b> ({ $first }–{ $last } din { $total })
my-due = {" "}· termen { $due }
my-empty = Nu ai încă solicitări. /new trimite una.

## [queue]
queue-title = <b>{ $department }</b>: { $count } { $count ->
        [one] deschisă
        [few] deschise
       *[other] de deschise
    }
queue-line = <b>#{ $id }</b> { $type } · { $status } · { $assignee }{ $due } /show_{ $id }
queue-empty = <b>{ $department }</b>: nicio solicitare deschisă. 🎉
queue-not_bound = Acest chat nu e legat încă de un departament. Un administrator poate trimite /bind &lt;departament&gt;.

## [bind]
bind-usage = Folosire: <code>/bind &lt;departament&gt;</code>. Departamente: { $keys }
bind-unknown = Nu există departamentul „{ $key }”. Departamente: { $keys }
bind-not_admin = Doar administratorii organizației pot lega chaturi.
bind-done = ✅ Acest chat primește acum solicitările departamentului <b>{ $department }</b>.
bind-done_topic = ✅ Acest subiect primește acum solicitările departamentului <b>{ $department }</b>.
bind-posted = 📋 Solicitări deschise ale departamentului <b>{ $department }</b> publicate aici: { $count }.
bind-groups_only = Trimite /bind în grupul departamentului.

## [group]
group-hello = Bună! Sunt <b>Baton</b>. Un administrator leagă acest grup de un departament cu <code>/bind &lt;departament&gt;</code> ({ $keys }). Nu am nevoie de drepturi de administrator.

## [relay]
relay-sent = ✉️ Transmis către { $department } (#{ $id }).
relay-sent_requester = ✉️ Transmis solicitantului #{ $id }.
relay-answered = ✉️ Răspunsul tău a ajuns la { $department }; lucrul la #{ $id } continuă.
relay-closed = #{ $id } este { $status }, așa că nu pot transmite mesajul. /new trimite o solicitare nouă.
relay-too_late = Netransmis: #{ $id } este { $status } de mai mult de { $days } { $days ->
        [one] zi
        [few] zile
       *[other] de zile
    }, așa că solicitantului nu i se mai scrie despre ea.
relay-not_allowed = Doar solicitantul și departamentul pot scrie despre #{ $id }.

## [private]
private-fallback = Ca să trimiți o solicitare, trimite /new; /my îți arată solicitările. Ca să scrii despre o solicitare, răspunde la mesajul meu despre ea.

## [flood]
flood-dropped = Ai trimis prea mult deodată și nu am putut prelua tot. Așteaptă puțin, apoi trimite din nou ultimele mesaje.
flood-dropped_press = Prea multe apăsări deodată. Așteaptă puțin, apoi apasă din nou.

## [error]
error-generic = Scuze, ceva n-a mers bine la mine. Ce ai introdus e salvat; te rog să încerci din nou peste câteva clipe.

## [stats]
stats-reassigns = 👤 Reatribuite: { $count }
stats-usage = Folosire: <code>/stats [zile] [departament]</code>, de exemplu <code>/stats 7 it</code>. Zile: de la 1 la 3650.
stats-export_usage = Folosire: <code>/export [zile] [departament]</code>, de exemplu <code>/export 90 it</code>. Zile: de la 1 la 3650.
stats-refused = Statisticile sunt pentru managerii departamentului și administratorii organizației. Dacă ai nevoie de ele, roagă un administrator să te adauge la <code>managers</code>.
stats-refused_department = Nu conduci „{ $department }”. Poți vedea: { $departments }.
stats-unknown_department = Nu există departamentul „{ $department }”. Departamente: { $departments }
stats-group_not_bound = Acest chat nu e legat de un departament, așa că aici nu sunt statistici. Managerii le văd pe ale lor într-un chat privat cu mine: @{ $bot }.
stats-group_only = În acest grup arăt doar { $departments }. Pentru alte departamente, trimite /stats într-un chat privat cu mine: @{ $bot }.
stats-export_private = Exportul cuprinde solicitările tuturor, așa că îl trimit doar în privat: deschide @{ $bot } și trimite acolo /export.
stats-title = 📊 <b>{ $department }</b> · { $days ->
        [one] ultima zi
        [few] ultimele { $days } zile
       *[other] ultimele { $days } de zile
    }
stats-volume = Create { $created } · preluate { $taken } · finalizate { $done } · anulate { $cancelled }
stats-open = Deschise acum: { $total } (🆕 { $new } · 🛠 { $in_progress } · ⏸ { $waiting } · 👀 { $on_review })
stats-take = ⏱ Timp până la preluare: median { $p50 } · 90% în cel mult { $p90 }
stats-finish = ⏱ Timp până la finalizare: median { $p50 } · 90% în cel mult { $p90 }
stats-no_times = —
stats-sla = ✅ SLA respectat: preluare { $response } · rezolvare { $resolve }
stats-sla_share = { $share } ({ $breached } depășite)
stats-sla_none = fără date
stats-stuck = 🐢 Blocate (nicio mișcare de { $stale }): { $count }
stats-transfers = ↔️ Transferuri: primite { $transfers_in } · trimise { $transfers_out }
stats-ratings = ⭐ Nota { $average } din { $count } { $count ->
        [one] notă
        [few] note
       *[other] de note
    } · CSAT { $csat }
stats-no_ratings = ⭐ Nicio notă în această perioadă
stats-executors = 👥 <b>Executanți</b> (deschise · finalizate · median până la finalizare · notă):
stats-executor = • { $name }: { $open } · { $done } · { $median } · { $rating }
stats-no_rating = fără notă
stats-flows_title = 🔀 <b>Cine cui se adresează</b>, { $days ->
        [one] ultima zi
        [few] ultimele { $days } zile
       *[other] ultimele { $days } de zile
    }:
stats-flow = • { $source } → { $target }: { $count }
stats-unknown_source = altele
stats-no_flows = Nicio solicitare în această perioadă.
stats-working_time = <i>Timpii sunt în ore de lucru: { $hours } pe zi lucrătoare.</i>
stats-chart_created = Create
stats-chart_done = Finalizate
stats-chart_per_day = Solicitări pe zi
stats-chart_compliance = SLA respectat, % pe săptămână
stats-chart_response = Preluare
stats-chart_resolve = Rezolvare
stats-chart_no_data = Nicio solicitare în această perioadă
stats-chart_title = { $departments } · { $days ->
        [one] ultima zi
        [few] ultimele { $days } zile
       *[other] ultimele { $days } de zile
    }
stats-export_caption = 📎 Solicitări către { $departments } trimise { $days ->
        [one] în ultima zi
        [few] în ultimele { $days } zile
       *[other] în ultimele { $days } de zile
    }: { $count }.
stats-export_empty = Nu s-a trimis nicio solicitare { $days ->
        [one] în ultima zi
        [few] în ultimele { $days } zile
       *[other] în ultimele { $days } de zile
    }.

## [units]
units-minutes = { $m } min
units-hours = { $h } h { $m } min
units-hours_only = { $h } h
units-days = { $d } z { $h } h

## [access]
access-refused = Ne pare rău, aici pot trimite solicitări doar angajații { $org }. Dacă lucrezi aici, roagă un administrator să-ți dea acces.

## [show]
show-usage = Folosire: <code>/show N</code>, de exemplu <code>/show 12</code>.
show-not_found = Nu există nicio solicitare #{ $id } pe care s-o poți vedea.
show-department = Departament: { $department }
show-take_by = Preluare până la: { $due }{ $state }
show-done_by = Rezolvare până la: { $due }{ $state }
show-needed_by = Necesară până la: { $date }{ $state }
show-left = {" "}· mai sunt { $left }
show-late = {" "}· ⚠️ întârziere { $late }
show-met = {" "}· ✅ { $when }
show-missed = {" "}· ⚠️ { $when }, cu întârziere
show-paused = {" "}· oprit, mai sunt { $left }
show-days_left = {" "}· { $count ->
        [one] peste o zi
        [few] peste { $count } zile
       *[other] peste { $count } de zile
    }
show-today = {" "}· azi
show-days_late = {" "}· ⚠️ { $count } { $count ->
        [one] zi
        [few] zile
       *[other] de zile
    } întârziere
show-watchers = Urmăritori: { $watchers }
show-nobody = nimeni
show-timeline = <b>Istoric</b>
show-earlier_messages = … { $count } { $count ->
        [one] mesaj anterior
        [few] mesaje anterioare
       *[other] de mesaje anterioare
    } între solicitant și departament se află în chaturi
show-event = { $at } · { $actor } { $did }{ $detail }
show-detail = : „{ $text }”
show-system = Baton
show-file = <b>#{ $id }</b> · { $label }

## [show.did]
show-did-created = a trimis-o
show-did-take = a preluat-o
show-did-release = a eliberat-o
show-did-need_info = a întrebat
show-did-answer = a răspuns
show-did-done = a finalizat-o
show-did-accept = a acceptat-o
show-did-reopen = a redeschis-o
show-did-reject = a respins-o
show-did-transfer = a transferat-o de la { $from } la { $to }
show-did-cancel = a anulat-o
show-did-auto_close = a închis-o (fără răspuns la timp)
show-did-assign = a atribuit-o
show-did-reassign = a dat-o altcuiva
show-did-follow = a început s-o urmărească
show-did-unfollow = nu o mai urmărește
show-did-repeat = a trimis-o din nou
show-did-rated = a notat-o cu { $stars }
show-did-commented = a comentat
show-did-message = a scris

## [find]
find-usage = Folosire: <code>/find cuvinte</code> — numărul solicitării, cuvinte din răspunsuri sau numele solicitantului.
find-title = <b>Rezultate pentru „{ $query }”</b>
find-none = Nu s-a găsit nimic pentru „{ $query }”.
find-line = <b>#{ $id }</b> · { $type } · { $status } · { $requester } /show_{ $id }

## [picker]
picker-assign = Cui atribui <b>#{ $id }</b>? Numărul arată solicitările deschise ale fiecăruia aici.
picker-reassign = Cui dai <b>#{ $id }</b>? Numărul arată solicitările deschise ale fiecăruia aici.
picker-choice = { $name } · { $count } { $count ->
        [one] deschisă
        [few] deschise
       *[other] de deschise
    }
picker-away = { $name } · { $count } { $count ->
        [one] deschisă
        [few] deschise
       *[other] de deschise
    } · absent

## [away]
away-usage =
    Folosire: <code>/away ZZ.LL.AAAA-ZZ.LL.AAAA [@înlocuitor sau id]</code> (sau o singură zi, <code>/away ZZ.LL.AAAA</code>), de exemplu <code>/away 01.12.2026-14.12.2026 @egor</code>.
    În prima zi solicitările tale deschise trec la înlocuitor sau, fără el, înapoi în coadă; între timp nu ți se atribuie solicitări noi. /back încheie absența.
away-bad_dates = Nu pot citi „{ $text }” ca două date.
away-end_before_start = Perioada se termină înainte să înceapă.
away-past = Perioada s-a încheiat deja.
away-unknown_deputy = Nu-l cunosc pe „{ $deputy }”: înlocuitorul trebuie să-mi fi scris sau să fi apăsat un buton de-al meu mai întâi. Poți da și id-ul lui de Telegram.
away-self_deputy = Nu poți fi propriul tău înlocuitor.
away-deputy_elsewhere = { $deputy } nu lucrează în departamentul tău: înlocuitorul trebuie să poată lucra pe fișele lui.
away-not_executor = /away este pentru executanții departamentelor.
away-saved = 🌴 Ești absent de la { $starts } până la { $ends }.
away-to_deputy = Pe { $starts } solicitările tale deschise trec la { $deputy }.
away-to_queue = Pe { $starts } solicitările tale deschise se întorc în coadă.
away-back = 👋 Bine ai revenit: ți se atribuie din nou solicitări.
away-not_away = Nu ești marcat ca absent.

## [button]
button-approve = ✅ Aprobă
button-decline = ⛔ Respinge
button-question = ❓ Întreabă

## [status]
status-approval = ⏳ așteaptă aprobarea
status-declined = 🚫 neaprobată

## [notice]
notice-approval_submitted = ⏳ Solicitarea <b>#{ $id }</b> „{ $type }” pentru <b>{ $department }</b> trebuie mai întâi aprobată. Aprobă: { $names }. Îți spun când se ia o decizie.
notice-approval_question =
    ❓ <b>{ $actor }</b>, care îți aprobă solicitarea <b>#{ $id }</b> „{ $type }”, întreabă:
    { $text }

    <i>Ca să răspunzi, apasă „Răspunde” pe acest mesaj.</i>
notice-approved = ✅ <b>{ $actor }</b> ți-a aprobat solicitarea <b>#{ $id }</b> „{ $type }”; acum este la <b>{ $department }</b>.
notice-watch_approved = ✅ <b>{ $actor }</b> a aprobat solicitarea <b>#{ $id }</b> „{ $type }”; acum este la <b>{ $department }</b>.
notice-declined =
    🚫 <b>{ $actor }</b> nu ți-a aprobat solicitarea <b>#{ $id }</b> „{ $type }”.
    Motiv: { $text }
notice-watch_declined =
    🚫 <b>{ $actor }</b> nu a aprobat solicitarea <b>#{ $id }</b> „{ $type }”.
    Motiv: { $text }
notice-approval_remind = ⏰ Solicitarea <b>#{ $id }</b> „{ $type }” ({ $department }) încă așteaptă decizia ta: te rog să apeși „Aprobă”, „Respinge” sau „Întreabă” sub mesajul meu despre ea.
notice-approval_escalated = ⚠️ Solicitarea <b>#{ $id }</b> „{ $type }” ({ $department }) așteaptă aprobarea de prea mult timp: niciun răspuns de la { $names }, nici după o reamintire.
notice-approver_unreachable = ⚠️ <b>{ $actor }</b> trebuie să-ți aprobe solicitarea <b>#{ $id }</b>, dar nu poate primi mesajele mele (nu a pornit niciodată botul sau l-a blocat). Te rog să-i ceri să deschidă un chat cu mine și să apese /start.
notice-approver_unreachable_admin = ⚠️ <b>{ $actor }</b> trebuie să aprobe solicitarea <b>#{ $id }</b> „{ $type }” ({ $department }), dar nu poate primi mesajele mele (nu a pornit niciodată botul sau l-a blocat). Cere-i să deschidă un chat cu mine și să apese /start; sau solicitantul poate anula solicitarea și o poate trimite din nou.

## [notice.rating_told]
notice-rating_told-rated = ⭐ { $actor } a notat #{ $id } „{ $type }” cu { $stars }
notice-rating_told-rated_comment = ⭐ { $actor } a notat #{ $id } „{ $type }” cu { $stars }: { $text }

## [notice.org_reload]
notice-org_reload-done = 🔄 Fișierul organizației a fost reîncărcat ({ $source }): acum e în vigoare versiunea { $version }. Solicitările noi urmează noile reguli; cele deschise își păstrează termenele.
notice-org_reload-refused =
    ⚠️ Fișierul organizației nu a fost reîncărcat ({ $source }); rămâne în vigoare versiunea { $version }.
    <code>{ $error }</code>

## [prompt]
prompt-decline = { $actor }, răspunde la acest mesaj cu motivul pentru care nu aprobi <b>#{ $id }</b>.
prompt-ask = { $actor }, răspunde la acest mesaj cu întrebarea ta pentru solicitantul <b>#{ $id }</b>.

## [press]
press-approved = #{ $id } a fost aprobată și merge la departament.

## [did]
did-approve = aprobat
did-decline = respins
did-question = pus o întrebare despre

## [relay]
relay-sent_approver = ✉️ Transmis aprobatorului solicitării #{ $id }.

## [stats]
stats-approvals = ✋ Aprobări cerute: { $count } · respinse { $declined } · median până la aprobare { $p50 }

## [stats.low_ratings]
stats-low_ratings-title = 👎 <b>Cele mai recente note mici</b> (3 sau mai puțin):
stats-low_ratings-line = • /show_{ $id } { $stars } { $rater }
stats-low_ratings-comment = • /show_{ $id } { $stars } { $rater }: „{ $comment }”

## [show.did]
show-did-approve = a aprobat-o
show-did-decline = a respins-o
show-did-question = a întrebat solicitantul

## [weekly]
weekly-title = 📅 <b>{ $department }</b> · săptămâna { $first }–{ $last }
weekly-columns = <i>săptămâna aceasta · cea dinainte</i>
weekly-created = Create: { $this } · { $before }
weekly-done = Finalizate: { $this } · { $before }
weekly-sla_response = ✅ SLA de preluare respectat: { $this } · { $before }
weekly-sla_resolve = ✅ SLA de rezolvare respectat: { $this } · { $before }
weekly-csat = ⭐ CSAT: { $this } · { $before }
weekly-csat_value = { $csat } din { $count } { $count ->
        [one] notă
        [few] note
       *[other] de note
    }
weekly-take = ⏱ Timp median până la preluare: { $this } · { $before }
weekly-finish = ⏱ Timp median până la finalizare: { $this } · { $before }
weekly-none = —
weekly-breached = 🚨 <b>Cu termenul depășit acum</b>: { $count }
weekly-breached_line = • /show_{ $id } { $type } · { $status } · termen { $due }
weekly-stuck = 🐢 <b>Blocate</b> (nicio mișcare de { $stale }): { $count }
weekly-stuck_line = • /show_{ $id } { $type } · { $status } · ultima mișcare { $at }
weekly-load = 👥 <b>Solicitări deschise pe persoană</b>:
weekly-load_line = • { $name }: { $count }
weekly-no_load = • nimeni nu are solicitări deschise
weekly-lowest = 👎 <b>Cele mai mici note</b> ale săptămânii:
weekly-rating_line = • /show_{ $id } { $stars } { $rater }
weekly-rating_comment = • /show_{ $id } { $stars } { $rater }: „{ $comment }”
weekly-no_ratings = • nicio notă săptămâna aceasta
weekly-chart_title = { $department } · { $first }–{ $last }

## [approval]
approval-title = ⏳ <b>#{ $id }</b> · { $type } — necesită aprobare
approval-waiting = Aprob-o, respinge-o (cu un motiv) sau pune-i o întrebare solicitantului.
approval-approved_by = ✅ Aprobată de <b>{ $actor }</b> la { $when }.
approval-declined_by = 🚫 Respinsă de <b>{ $actor }</b> la { $when }.
approval-show_approvers = Aprobatori: { $names }

## [review fixes: approvals]
notice-cancelled_approval = ✖ Ai anulat <b>#{ $id }</b> „{ $type }” cât timp aștepta aprobarea.
notice-cancelled_approval_reason =
    ✖ Ai anulat <b>#{ $id }</b> „{ $type }” cât timp aștepta aprobarea.
    Motiv: { $text }
approval-cancelled_by = ✖ Anulată de <b>{ $actor }</b> la { $when }.
press-ask_question = Răspunde la mesajul meu cu întrebarea ta.
relay-question_sent = ✉️ Întrebarea ta despre #{ $id } a ajuns la solicitant; răspunsul va veni aici.
notice-relay_from_requester =
    💬 <b>#{ $id }</b> · { $author } (solicitant):
    { $text }

    <i>Ca să răspunzi, apasă „Răspunde” pe acest mesaj.</i>
notice-relay_from_approver =
    💬 <b>#{ $id }</b> · { $author } (aprobator):
    { $text }

    <i>Ca să răspunzi, apasă „Răspunde” pe acest mesaj.</i>
notice-relay_caption_from_requester = 💬 #{ $id } · { $author } (solicitant)
notice-relay_caption_from_approver = 💬 #{ $id } · { $author } (aprobator)
