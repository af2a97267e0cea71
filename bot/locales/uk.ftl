## [start]
start-greeting =
    Вітаю, { $name }! Я — <b>Baton</b>, сервіс заявок компанії { $org }.

    Розкажіть, що вам потрібно від іншого відділу: я поставлю кілька коротких запитань, передам заявку потрібній команді, стежитиму за терміном і повідомлятиму, як просувається справа.

    /new — створити заявку
    /my — ваші заявки
    /help — усі команди

## [help]
help-private =
    <b>Що я вмію</b>
    /new — створити заявку до відділу
    /my — ваші заявки, їхні статуси й терміни (спершу відкриті, по 10)
    /show N — усе про заявку #N: відповіді, терміни, історія (або натисніть /show_N у списку)
    /find ТЕКСТ — знайти заявки за номером, словами з відповідей або ім'ям заявника
    /cancel — скасувати заповнення заявки
    /help — цей список
    /away ДД.ММ.РРРР-ДД.ММ.РРРР [@заступник] — (для виконавців) відсутність: ваші заявки перейдуть заступникові або повернуться в чергу
    /back — повернутися після відсутності

    Щоб написати тим, хто працює над вашою заявкою, <b>дайте відповідь</b> на моє повідомлення про неї.
help-group =
    <b>Baton у цій групі</b>
    /queue — відкриті заявки відділу, спершу з найближчим терміном
    /show N — усе про заявку відділу #N
    /find ТЕКСТ — знайти заявки відділу за номером, словами або заявником
    /bind &lt;відділ&gt; — (для адміністраторів) прив'язати цю групу до відділу, щоб сюди надходили його заявки
    Кнопки на картці заявки дають змогу взяти її в роботу, завершити, відхилити або передати в інший відділ. Щоб написати заявникові, дайте відповідь на картку.
    Керівникам: <b>Призначити</b> / <b>Перепризначити</b> на картці показує виконавців, яким її можна доручити.

## [commands]
commands-away = Відсутність на кілька днів (для виконавців)
commands-back = Повернутися після відсутності
commands-start = Початок і привітання
commands-new = Створити заявку
commands-my = Мої заявки
commands-cancel = Скасувати заповнення
commands-help = Що вміє бот
commands-queue = Відкриті заявки відділу
commands-show = Показати заявку: /show N
commands-find = Знайти заявки за словами або номером
commands-bind = Прив'язати чат до відділу (для адміністраторів)
commands-stats = Статистика (для керівників)
commands-export = Вивантаження заявок у CSV (для керівників)

## [form]
form-choose_department = <b>Нова заявка.</b> До якого відділу звертаєтеся?
form-choose_type = <b>{ $department }</b>: оберіть тип заявки.
form-question = <b>{ $number }/{ $total }. { $label }</b>
form-hint_text = Напишіть відповідь (до { $limit } { $limit ->
        [one] символу
       *[other] символів
    }).
form-hint_number = Надішліть число.
form-hint_number_range = Надішліть число від { $min } до { $max }.
form-hint_number_min = Надішліть число, не менше ніж { $min }.
form-hint_number_max = Надішліть число, не більше ніж { $max }.
form-hint_date = Надішліть дату: ДД.ММ.РРРР або РРРР-ММ-ДД.
form-hint_choice = Оберіть один із варіантів на кнопках.
form-hint_file = Надішліть фото або документ.
form-hint_optional = <i>Необов'язково: якщо не стосується, натисніть «Пропустити».</i>
form-priority = <b>Наскільки це терміново?</b> Термінові заявки мають коротші терміни.
form-summary =
    <b>Перевірте, будь ласка, заявку</b>

    <b>{ $department } · { $type }</b>
    { $answers }
    { $priority_line }
    Надіслати?
form-priority_line = Пріоритет: { $priority }
form-answer_line = <b>{ $label }:</b> { $value }
form-skipped = —
form-submitted =
    ✅ Заявку <b>#{ $id }</b> надіслано до відділу <b>{ $department }</b>.
    Відреагувати — до { $response_due }, виконати — до { $resolve_due }.{ $needed_by }
    Я повідомлю, коли заявку візьмуть у роботу. Щоб написати виконавцям, відповідайте на мої повідомлення про #{ $id }.
form-submitted_needed_by = {"\u000A"}Вам потрібно до { $date }.
form-submitted_unbound = {"\u000A"}<i>Відділ { $department } ще не під'єднав свій чат. Адміністратори вже знають, а заявка збережена й не загубиться.</i>
form-cancelled = Заповнення скасовано, нічого не надіслано. Почати знову — /new.
form-nothing_to_cancel = Скасовувати нічого. Створити заявку — /new.
form-resumed = У вас є незавершена заявка — продовжимо з того місця, де ви зупинилися. Скасувати її — /cancel.
form-broken = Поки ви заповнювали заявку, налаштування організації змінилися. Будь ласка, почніть знову: /new.
form-stale = Ця кнопка належить до попереднього кроку.
form-changed = У налаштуваннях організації до цієї форми додано запитання: дайте відповідь і надішліть заявку.
form-already_submitted = Цю заявку вже надіслано.
form-private_only = Заявки створюються в особистому чаті зі мною: відкрийте @{ $bot } і надішліть /new.
form-error_wrap = ⚠️ { $error }
form-watchers =
    👥 <b>Тримати когось у курсі?</b>
    Вони отримуватимуть те саме, що й ви (взяли в роботу, запитання, готово), і зможуть відповідати; не більше { $max } { $max ->
        [one] особи
       *[other] осіб
    }. Натисніть «{ $button }» нижче або «Пропустити».
form-watchers_summary = 👥 У курсі: { $names }
form-repeat_of = 🔂 Заповнюємо знову за зразком <b>#{ $id }</b>: натисніть «Залишити», щоб узяти попередню відповідь, або дайте нову.
form-keep_hint = <i>Раніше: { $value }</i>

## [form.error]
form-error-use_picker = Будь ласка, натисніть «👥 Обрати людей» або «Пропустити» нижче.
form-error-text_expected = Тут потрібен текст, а не стікер, голосове повідомлення чи файл.
form-error-empty = Відповідь порожня. Будь ласка, напишіть її.
form-error-too_long = Задовга відповідь: { $length } { $length ->
        [one] символ
        [few] символи
       *[other] символів
    } при ліміті { $limit }. Будь ласка, скоротіть її.
form-error-not_number = Це не схоже на число. Наприклад: 1500 або 12,5
form-error-number_min = Число має бути не менше ніж { $min }.
form-error-number_max = Число має бути не більше ніж { $max }.
form-error-bad_date = Не вдається розпізнати дату. Будь ласка, напишіть її у форматі ДД.ММ.РРРР, наприклад 31.12.2026.
form-error-past_date = Ця дата вже минула. Будь ласка, вкажіть сьогоднішню або пізнішу дату.
form-error-choose_option = Будь ласка, оберіть один із варіантів на кнопках.
form-error-file_expected = Будь ласка, надішліть фото або документ.
form-error-cannot_skip = Це запитання не можна пропустити.
form-error-use_buttons = Будь ласка, натисніть «Надіслати» або «Скасувати» нижче.

## [button]
button-assign = 👤 Призначити
button-reassign = 👤 Перепризначити
button-skip = Пропустити
button-back = « Назад
button-submit = ✅ Надіслати
button-cancel = ✖ Скасувати заявку
button-normal = Звичайна
button-urgent = 🔥 Термінова
button-take = 🙋 Взяти
button-reject = ⛔ Відхилити
button-transfer = ➡️ Передати
button-done = ✅ Готово
button-need_info = ❓ Уточнити
button-release = ↩️ У чергу
button-accept = 👍 Прийняти
button-reopen = 🔁 На доопрацювання
button-drop = ✖ Скасувати
button-older = Раніші »
button-newer = « Пізніші
button-cancel_form = ✖ Скасувати
button-follow = 🔔 Стежити
button-unfollow = 🔕 Не стежити
button-repeat = 🔂 Повторити
button-keep = Залишити «{ $value }»
button-pick_people = 👥 Обрати людей

## [status]
status-new = 🆕 нова
status-in_progress = 🛠 у роботі
status-waiting = ⏸ чекаємо на відповідь заявника
status-on_review = 👀 на перевірці
status-closed = ✅ закрита
status-rejected = ⛔ відхилена
status-cancelled = ✖ скасована

## [priority]
priority-normal = звичайний
priority-urgent = 🔥 терміновий

## [card]
card-title = <b>#{ $id }</b> · { $type }
card-requester = Заявник: { $requester }
card-status = Статус: <b>{ $status }</b>
card-assignee = Виконавець: { $assignee }
card-nobody = ще не призначено
card-priority = Пріоритет: { $priority }
card-response_due = Взяти в роботу до: { $due }
card-resolve_due = Виконати до: { $due }
card-needed_by = Потрібно до: { $date }
card-paused = Виконати до: термін на паузі, поки чекаємо на відповідь (залишилося { $left })
card-overdue = ⚠️ прострочено
card-transferred =
    <b>#{ $id }</b> · { $type }
    ➡️ Передано до відділу <b>{ $department }</b>.
card-moved =
    <b>#{ $id }</b> · { $type }
    ➡️ Перенесено в новий чат відділу <b>{ $department }</b>: робота над нею триває там.
card-cut = … [обрізано, ще { $count } { $count ->
        [one] символ
        [few] символи
       *[other] символів
    }]
card-file = 📎 { $name }
card-rating = Оцінка: { $stars }
card-comment = Коментар: «{ $comment }»

## [notice]
notice-assigned = 📌 <b>{ $actor }</b> доручає вам заявку <b>#{ $id }</b> «{ $type }» ({ $department }).
notice-assigned_auto = 📌 Вам призначено заявку <b>#{ $id }</b> «{ $type }» ({ $department }).
notice-unassigned = ↪️ <b>{ $actor }</b> доручає заявку <b>#{ $id }</b> «{ $type }» іншому виконавцеві; ви більше над нею не працюєте.
notice-handed_over = 📌 Заявка <b>#{ $id }</b> «{ $type }» ({ $department }) — ваша, поки <b>{ $actor }</b> немає на місці.
notice-back_to_queue = ↩️ Заявка <b>#{ $id }</b> «{ $type }» знову в черзі: <b>{ $actor }</b> немає на місці.
notice-watch_added = 👥 <b>{ $actor }</b> тримає вас у курсі заявки <b>#{ $id }</b> «{ $type }» до відділу { $department }: ви дізнаєтеся, коли її візьмуть у роботу, про запитання щодо неї та про готовність, і зможете відповідати на ці повідомлення.
notice-taken = 🙋 Вашою заявкою <b>#{ $id }</b> «{ $type }» займається <b>{ $actor }</b> ({ $department }).
notice-released = ↩️ Ваша заявка <b>#{ $id }</b> знову в черзі відділу { $department }.
notice-question =
    ❓ <b>{ $actor }</b> ({ $department }) уточнює щодо заявки <b>#{ $id }</b>:

    { $text }

    <i>Щоб відповісти, натисніть «Відповісти» на цьому повідомленні.</i>
notice-done =
    ✅ Відділ { $department } виконав заявку <b>#{ $id }</b> «{ $type }».
    Будь ласка, перевірте результат: прийміть роботу або поверніть її на доопрацювання, і оцініть від 1 до 5.
notice-rejected =
    ⛔ Відділ { $department } відхилив заявку <b>#{ $id }</b> «{ $type }».
    Причина: { $text }
notice-transferred =
    ➡️ Вашу заявку <b>#{ $id }</b> передано до відділу <b>{ $department }</b>.
    Причина: { $text }
notice-reopened = 🔁 Заявку <b>#{ $id }</b> повернуто на доопрацювання (<b>{ $actor }</b>): роботу ще не прийнято.
notice-accepted = 👍 Роботу за заявкою <b>#{ $id }</b> прийнято (<b>{ $actor }</b>).
notice-group_cancelled = ✖ Заявку <b>#{ $id }</b> скасовано (<b>{ $actor }</b>): більше нічого робити не треба.
notice-group_cancelled_reason =
    ✖ Заявку <b>#{ $id }</b> скасовано (<b>{ $actor }</b>): більше нічого робити не треба.
    Причина: { $text }
notice-relay_to_group =
    💬 <b>#{ $id }</b> · { $author } (заявник):
    { $text }
notice-relay_to_requester =
    💬 <b>#{ $id }</b> · { $author }, { $department }:
    { $text }

    <i>Щоб відповісти, натисніть «Відповісти» на цьому повідомленні.</i>
notice-relay_caption_group = 💬 #{ $id } · { $author } (заявник)
notice-relay_caption_requester = 💬 #{ $id } · { $author }, { $department }
notice-unbound = 📭 Заявка <b>#{ $id }</b> до відділу <b>{ $department }</b> чекає: до відділу не прив'язано жодного чату. Надішліть <code>/bind { $key }</code> у групі відділу.
notice-delayed = ⏳ Вашу заявку <b>#{ $id }</b> збережено, але чат відділу { $department } зараз недоступний. Я продовжую спроби й обов'язково її доставлю.
notice-unreachable = ⚠️ Не вдається написати в чат відділу <b>{ $department }</b> ({ $error }). Будь ласка, знову додайте мене до групи відділу й надішліть там <code>/bind { $key }</code>.
notice-requester_unreachable = ⚠️ <b>{ $actor }</b> не отримує моїх повідомлень (бота заблоковано або жодного разу не запущено) і не побачить новин щодо заявки <b>#{ $id }</b>. Будь ласка, зв'яжіться із заявником напряму.
notice-assignee_unreachable = ⚠️ Заявку <b>#{ $id }</b> доручено виконавцю <b>{ $actor }</b>, але ця людина не отримує моїх повідомлень (бота заблоковано або жодного разу не запущено). Будь ласка, повідомте їй і попросіть відкрити чат зі мною та натиснути /start.
notice-chat_unreachable = ⚠️ Вашу заявку <b>#{ $id }</b> збережено, але я не можу опублікувати її в чаті відділу { $department }. Адміністратори знають; заявку доставлять, щойно чат запрацює.
notice-bound_requests = 📬 { $count ->
        [one] { $count } заявку відділу { $department }, яка чекала, тепер опубліковано тут.
        [few] { $count } заявки відділу { $department }, які чекали, тепер опубліковано тут.
       *[other] { $count } заявок відділу { $department }, які чекали, тепер опубліковано тут.
    }
notice-relay_refused = ⚠️ { $actor }, Telegram не дозволив передати це повідомлення щодо заявки <b>#{ $id }</b> ({ $error }). Надішліть його, будь ласка, ще раз текстом, фото або документом.
notice-files_refused = ⚠️ Відділ отримав заявку <b>#{ $id }</b>, але Telegram не дозволив додати до неї ці файли: { $files }. Надішліть їх, будь ласка, ще раз відповіддю на це повідомлення.
notice-card_refused = ⚠️ Telegram не прийняв картку заявки <b>#{ $id }</b> для відділу { $department } ({ $error }), тож виконавці її не бачать. Заявку збережено; будь ласка, повідомте розробникам.
notice-relay_slow_down = ⏳ Багато ваших повідомлень щодо заявки <b>#{ $id }</b> ще в дорозі до відділу { $department }: чат приймає лише обмежену кількість повідомлень на хвилину. Усі вони дійдуть по черзі, тексти — одним повідомленням.
notice-rate_ask = ⭐ Як відділ { $department } впорався із заявкою <b>#{ $id }</b> «{ $type }»? Оцініть від 1 до 5.
notice-rate_remind = ⭐ Нагадуємо: оцініть, будь ласка, заявку <b>#{ $id }</b> «{ $type }» від 1 до 5 — це одне натискання.
notice-auto_closed = ✅ Заявку <b>#{ $id }</b> «{ $type }» закрито автоматично: вона була на перевірці, але відповіді не надійшло.
notice-digest_group = ⏰ <b>Терміни</b>
notice-digest_private = ⏰ <b>Ваші заявки</b>
notice-digest_escalate = 🚨 <b>Ескалація</b>: терміни порушено
notice-digest_stuck = 🐢 <b>Завислі заявки</b>: без руху довше ніж { $stale }
notice-digest_mention = { $person }, я не можу написати вам в особисті повідомлення. Будь ласка, відкрийте чат зі мною й натисніть /start. А поки що:
notice-cancelled = ✖ Ви скасували заявку <b>#{ $id }</b> «{ $type }». Відділ { $department } повідомлено.
notice-cancelled_reason =
    ✖ Ви скасували заявку <b>#{ $id }</b> «{ $type }». Відділ { $department } повідомлено.
    Причина: { $text }
notice-assignee_cancelled = ✖ Заявку <b>#{ $id }</b> «{ $type }», над якою ви працювали, скасовано (<b>{ $actor }</b>). Більше нічого робити не треба.
notice-assignee_cancelled_reason =
    ✖ Заявку <b>#{ $id }</b> «{ $type }», над якою ви працювали, скасовано (<b>{ $actor }</b>). Більше нічого робити не треба.
    Причина: { $text }
notice-watch_taken = 👥 Заявкою <b>#{ $id }</b> «{ $type }», за якою ви стежите, займається <b>{ $actor }</b> ({ $department }).
notice-watch_released = 👥 Заявка <b>#{ $id }</b> «{ $type }», за якою ви стежите, повернулася в чергу відділу { $department }.
notice-watch_question =
    👥 <b>{ $actor }</b> ({ $department }) запитує про заявку <b>#{ $id }</b> «{ $type }», за якою ви стежите:

    { $text }

    <i>Щоб відповісти, натисніть «Відповісти» на цьому повідомленні.</i>
notice-watch_done = 👥 Відділ { $department } виконав заявку <b>#{ $id }</b> «{ $type }», за якою ви стежите; тепер її перевіряє заявник.
notice-watch_rejected =
    👥 Відділ { $department } відхилив заявку <b>#{ $id }</b> «{ $type }», за якою ви стежите.
    Причина: { $text }
notice-watch_transferred =
    👥 Заявку <b>#{ $id }</b> «{ $type }», за якою ви стежите, передано до відділу <b>{ $department }</b>.
    Причина: { $text }
notice-watch_cancelled = 👥 Заявку <b>#{ $id }</b> «{ $type }», за якою ви стежите, скасовано (<b>{ $actor }</b>).
notice-watch_cancelled_reason =
    👥 Заявку <b>#{ $id }</b> «{ $type }», за якою ви стежите, скасовано (<b>{ $actor }</b>).
    Причина: { $text }
notice-watcher_unreachable = ⚠️ <b>{ $actor }</b> не отримує моїх повідомлень про заявку <b>#{ $id }</b> (бота не запущено або заблоковано). Попросіть відкрити чат зі мною й натиснути /start.
notice-relay_to_group_watcher =
    💬 <b>#{ $id }</b> · { $author } (у курсі заявки):
    { $text }
notice-relay_caption_group_watcher = 💬 #{ $id } · { $author } (у курсі заявки)

## [line]
line-remind_response = ⏰ <b>#{ $id }</b> { $type }: ще ніхто не взяв; взяти до { $due }
line-remind_resolve = ⏰ <b>#{ $id }</b> { $type }: виконати до { $due }
line-breach_response = 🔥 <b>#{ $id }</b> { $type }: не взято вчасно (термін { $due })
line-breach_resolve = 🔥 <b>#{ $id }</b> { $type }: прострочено з { $due }
line-escalate_response = 🚨 <b>#{ $id }</b> { $type } ({ $department }): не взято вчасно (термін { $due })
line-escalate_resolve = 🚨 <b>#{ $id }</b> { $type } ({ $department }): не виконано вчасно (термін { $due })
line-stuck = 🐢 <b>#{ $id }</b> { $type }: { $status }, без руху з { $due }
line-needed_by = {" "}· потрібна до { $date }, раніше за термін

## [list]
list-part = {" "}({ $part }/{ $parts })
list-more = <i>… і ще { $count }</i>

## [review]
review-accepted = ✅ Ви прийняли роботу за заявкою <b>#{ $id }</b>, заявку закрито. Дякуємо!
review-accepted_rate = ✅ Ви прийняли роботу за заявкою <b>#{ $id }</b>, заявку закрито. Як ви оціните роботу?
review-rated = ⭐ Ваша оцінка заявки <b>#{ $id }</b>: { $stars }. Бажаєте додати коментар? Дайте відповідь на це повідомлення протягом { $minutes } { $minutes ->
        [one] хвилини
       *[other] хвилин
    }.
review-rated_done = Ваша оцінка заявки <b>#{ $id }</b>: { $stars }.
review-comment_saved = Дякуємо, ваш коментар до заявки <b>#{ $id }</b> збережено.
review-reopened = 🔁 Ви повернули заявку <b>#{ $id }</b> на доопрацювання, відділ { $department } продовжить роботу.
review-closed_note = <i>Прийміть роботу або поверніть її на доопрацювання; вашу оцінку збережено.</i>

## [prompt]
prompt-reject = { $actor }, дайте відповідь на це повідомлення й вкажіть причину відхилення заявки <b>#{ $id }</b>.
prompt-transfer_to = До якого відділу передати заявку <b>#{ $id }</b>?
prompt-transfer = { $actor }, дайте відповідь на це повідомлення й вкажіть причину передачі заявки <b>#{ $id }</b> до відділу <b>{ $department }</b>.
prompt-need_info = { $actor }, дайте відповідь на це повідомлення й напишіть запитання заявникові щодо заявки <b>#{ $id }</b>.
prompt-cancelled = Скасовано.
prompt-reason_empty = Будь ласка, дайте відповідь текстом, хоча б кількома словами.
prompt-cancel = Скасувати заявку <b>#{ $id }</b>? Дайте відповідь на це повідомлення й вкажіть причину або натисніть «Пропустити», щоб скасувати без неї.

## [press]
press-assigned = Заявку #{ $id } призначено.
press-not_executor = Заявку #{ $id } можна призначити лише виконавцеві відділу.
press-same_person = Заявка #{ $id } уже в цієї людини.
press-no_executors = У відділу ще немає виконавців: перелічіть їх у executors у файлі організації, або вони з'являться, коли натиснуть кнопку на картці.
press-took = Ви взяли заявку #{ $id } у роботу.
press-done = Заявка #{ $id } на перевірці в заявника.
press-released = Заявка #{ $id } знову в черзі.
press-ask_reason = Дайте відповідь на моє повідомлення й вкажіть причину.
press-accepted = Прийнято.
press-reopened = Повернуто на доопрацювання.
press-rated = Дякуємо: { $score }/5.
press-not_found = Такої заявки немає.
press-not_allowed = Ця кнопка не для вас.
press-not_assignee = Це може зробити лише виконавець ({ $name }) або керівник.
press-wrong_state = Запізно: заявка #{ $id } уже має статус «{ $status }».
press-wrong_state_by = Запізно: заявку #{ $id } уже { $did } ({ $actor }, о { $time }).
press-same_department = Заявка #{ $id } уже в цьому відділі.
press-outdated = Ця кнопка застаріла.
press-cancelled = Заявку #{ $id } скасовано.
press-followed = Тепер ви стежите за #{ $id } і отримуватимете те саме, що й заявник.
press-unfollowed = Ви більше не стежите за #{ $id }.
press-repeat = Нова заявка за зразком #{ $id }: залиште або змініть кожну відповідь.

## [did]
did-assign = призначено
did-reassign = перепризначено
did-take = взято в роботу
did-release = повернуто в чергу
did-need_info = відправлено на уточнення
did-answer = доповнено відповіддю
did-done = виконано
did-accept = прийнято
did-reopen = повернуто на доопрацювання
did-reject = відхилено
did-transfer = передано в інший відділ
did-cancel = скасовано
did-auto_close = закрито
did-created = створено
did-follow = взято під стеження
did-unfollow = знято зі стеження
did-repeat = повторено

## [my]
my-title = <b>Ваші заявки</b>
my-line =
    <b>#{ $id }</b> · { $department } · { $type }
    {"   "}{ $status }{ $due } /show_{ $id }
my-page = <b>Ваші заявки</b> ({ $first }–{ $last } з { $total })
my-due = {" "}· термін: { $due }
my-empty = У вас ще немає заявок. Створити заявку — /new.

## [queue]
queue-title = <b>{ $department }</b>: { $count } { $count ->
        [one] відкрита заявка
        [few] відкриті заявки
       *[other] відкритих заявок
    }
queue-line = <b>#{ $id }</b> { $type } · { $status } · { $assignee }{ $due } /show_{ $id }
queue-empty = <b>{ $department }</b>: відкритих заявок немає. 🎉
queue-not_bound = Цей чат ще не прив'язано до відділу. Адміністратор може надіслати /bind &lt;відділ&gt;.

## [bind]
bind-usage = Формат: <code>/bind &lt;відділ&gt;</code>. Відділи: { $keys }
bind-unknown = Відділу «{ $key }» немає. Відділи: { $keys }
bind-not_admin = Прив'язувати чати можуть лише адміністратори організації.
bind-done = ✅ Тепер у цей чат надходитимуть заявки відділу <b>{ $department }</b>.
bind-done_topic = ✅ Тепер у цю тему надходитимуть заявки відділу <b>{ $department }</b>.
bind-posted = 📋 Сюди буде опубліковано відкриті заявки відділу <b>{ $department }</b>: { $count }.
bind-groups_only = Надішліть /bind у групі відділу.

## [group]
group-hello = Вітаю! Я — <b>Baton</b>. Адміністратор може під'єднати цю групу до відділу командою <code>/bind &lt;відділ&gt;</code> ({ $keys }). Права адміністратора мені не потрібні.

## [relay]
relay-sent = ✉️ Передано до відділу { $department } (#{ $id }).
relay-sent_requester = ✉️ Передано заявникові за заявкою #{ $id }.
relay-answered = ✉️ Вашу відповідь передано до відділу { $department }, робота над заявкою #{ $id } триває.
relay-closed = Заявка #{ $id } має статус «{ $status }», тому передати повідомлення не можна. Створити нову заявку — /new.
relay-too_late = Не передано: заявка #{ $id } має статус «{ $status }» уже понад { $days } { $days ->
        [one] день
        [few] дні
       *[other] днів
    }, тож заявникові про неї більше не пишуть.
relay-not_allowed = Писати про заявку #{ $id } можуть лише заявник і відділ-виконавець.

## [private]
private-fallback = Щоб створити заявку, надішліть /new; /my — ваші заявки. Щоб написати щодо заявки, дайте відповідь на моє повідомлення про неї.

## [flood]
flood-dropped = Ви надіслали забагато одразу, і я прийняв не все. Зачекайте трохи й надішліть останні повідомлення ще раз.
flood-dropped_press = Забагато натискань одразу. Зачекайте трохи й натисніть ще раз.

## [error]
error-generic = Вибачте, у мене щось пішло не так. Усе, що ви ввели, збережено; спробуйте ще раз за хвилину.

## [stats]
stats-reassigns = 👤 Перепризначень: { $count }
stats-usage = Формат: <code>/stats [дні] [відділ]</code>, наприклад <code>/stats 7 it</code>. Дні: від 1 до 3650.
stats-export_usage = Формат: <code>/export [дні] [відділ]</code>, наприклад <code>/export 90 it</code>. Дні: від 1 до 3650.
stats-refused = Статистика доступна керівникам відділу та адміністраторам організації. Якщо вона вам потрібна, попросіть адміністратора додати вас до <code>managers</code>.
stats-refused_department = Ви не керуєте відділом «{ $department }». Вам доступні: { $departments }.
stats-unknown_department = Відділу «{ $department }» немає. Відділи: { $departments }
stats-group_not_bound = Цей чат не прив'язано до відділу, тож статистики тут немає. Керівники бачать її в особистому чаті зі мною: @{ $bot }.
stats-group_only = У цій групі я показую лише: { $departments }. Статистику інших відділів запитайте командою /stats в особистому чаті зі мною: @{ $bot }.
stats-export_private = У вивантаженні — заявки всіх працівників, тому я надсилаю його лише в особистий чат: відкрийте @{ $bot } і надішліть /export там.
stats-title = 📊 <b>{ $department }</b> · за { $days ->
        [one] { $days } день
        [few] { $days } дні
       *[other] { $days } днів
    }
stats-volume = Створено { $created } · взято { $taken } · виконано { $done } · скасовано { $cancelled }
stats-open = Відкрито зараз: { $total } (🆕 { $new } · 🛠 { $in_progress } · ⏸ { $waiting } · 👀 { $on_review })
stats-take = ⏱ Час до взяття: медіана { $p50 } · 90% — не довше ніж { $p90 }
stats-finish = ⏱ Час виконання: медіана { $p50 } · 90% — не довше ніж { $p90 }
stats-no_times = —
stats-sla = ✅ SLA дотримано: реакція { $response } · виконання { $resolve }
stats-sla_share = { $share } (порушено: { $breached })
stats-sla_none = немає даних
stats-stuck = 🐢 Зависли (без руху довше ніж { $stale }): { $count }
stats-transfers = ↔️ Передачі: отримано { $transfers_in } · передано { $transfers_out }
stats-ratings = ⭐ Оцінка { $average } ({ $count } { $count ->
        [one] оцінка
        [few] оцінки
       *[other] оцінок
    }) · CSAT { $csat }
stats-no_ratings = ⭐ Оцінок за період немає
stats-executors = 👥 <b>Виконавці</b> (відкрито · виконано · медіана виконання · оцінка):
stats-executor = • { $name }: { $open } · { $done } · { $median } · { $rating }
stats-no_rating = без оцінок
stats-flows_title = 🔀 <b>Хто до кого звертається</b> за { $days } { $days ->
        [one] день
        [few] дні
       *[other] днів
    }:
stats-flow = • { $source } → { $target }: { $count }
stats-unknown_source = інші
stats-no_flows = За цей період заявок не було.
stats-working_time = <i>Час — робочий: у робочому дні { $hours }.</i>
stats-chart_created = Створено
stats-chart_done = Виконано
stats-chart_per_day = Заявок на день
stats-chart_compliance = SLA дотримано, % за тижнями
stats-chart_response = Реакція
stats-chart_resolve = Виконання
stats-chart_no_data = За цей період заявок немає
stats-chart_title = { $departments } · за { $days } { $days ->
        [one] день
        [few] дні
       *[other] днів
    }
stats-export_caption = 📎 Заявки ({ $departments }) за { $days } { $days ->
        [one] день
        [few] дні
       *[other] днів
    }: { $count }.
stats-export_empty = За { $days ->
        [one] останній { $days } день
        [few] останні { $days } дні
       *[other] останні { $days } днів
    } заявок не було.

## [units]
units-minutes = { $m } хв
units-hours = { $h } год { $m } хв
units-hours_only = { $h } год
units-days = { $d } дн { $h } год

## [access]
access-refused = Вибачте, подавати заявки тут можуть лише працівники { $org }. Якщо ви тут працюєте, попросіть адміністратора відкрити вам доступ.

## [show]
show-usage = Як користуватися: <code>/show N</code>, наприклад <code>/show 12</code>.
show-not_found = Заявки #{ $id } серед доступних вам немає.
show-department = Відділ: { $department }
show-take_by = Взяти в роботу до: { $due }{ $state }
show-done_by = Виконати до: { $due }{ $state }
show-needed_by = Потрібно до: { $date }{ $state }
show-left = {" "}· залишилося { $left }
show-late = {" "}· ⚠️ прострочено на { $late }
show-met = {" "}· ✅ { $when }
show-missed = {" "}· ⚠️ { $when }, із запізненням
show-paused = {" "}· на паузі, залишилося { $left }
show-days_left = {" "}· через { $count } { $count ->
        [one] день
        [few] дні
       *[other] днів
    }
show-today = {" "}· сьогодні
show-days_late = {" "}· ⚠️ прострочено на { $count } { $count ->
        [one] день
        [few] дні
       *[other] днів
    }
show-watchers = Спостерігачі: { $watchers }
show-nobody = немає
show-timeline = <b>Історія</b>
show-earlier_messages = … ще { $count } { $count ->
        [one] повідомлення
        [few] повідомлення
       *[other] повідомлень
    } між заявником і відділом — у чатах
show-event = { $at } · { $actor }: { $did }{ $detail }
show-detail = {" "}— «{ $text }»
show-system = Baton
show-file = <b>#{ $id }</b> · { $label }

## [show.did]
show-did-created = створено заявку
show-did-take = взято в роботу
show-did-release = повернуто в чергу
show-did-need_info = поставлено запитання
show-did-answer = надано відповідь
show-did-done = виконано
show-did-accept = роботу прийнято
show-did-reopen = повернуто на доопрацювання
show-did-reject = відхилено
show-did-transfer = передано з відділу { $from } до відділу { $to }
show-did-cancel = скасовано
show-did-auto_close = закрито автоматично (вчасно не відповіли)
show-did-assign = призначено виконавця
show-did-reassign = доручено іншому виконавцеві
show-did-follow = почато стеження
show-did-unfollow = стеження припинено
show-did-repeat = заявку подано повторно
show-did-rated = оцінка: { $stars }
show-did-commented = додано коментар
show-did-message = повідомлення

## [find]
find-usage = Як користуватися: <code>/find слова</code> — номер заявки, слова з відповідей або ім'я заявника.
find-title = <b>Знайдено за запитом «{ $query }»</b>
find-none = За запитом «{ $query }» нічого не знайдено.
find-line = <b>#{ $id }</b> · { $type } · { $status } · { $requester } /show_{ $id }

## [picker]
picker-assign = Кому призначити заявку <b>#{ $id }</b>? Число — відкриті заявки людини в цьому відділі.
picker-reassign = Кому доручити заявку <b>#{ $id }</b>? Число — відкриті заявки людини в цьому відділі.
picker-choice = { $name } · { $count } { $count ->
        [one] відкрита
        [few] відкриті
       *[other] відкритих
    }
picker-away = { $name } · { $count } { $count ->
        [one] відкрита
        [few] відкриті
       *[other] відкритих
    } · не на місці

## [away]
away-usage =
    Формат: <code>/away ДД.ММ.РРРР-ДД.ММ.РРРР [@заступник або id]</code> (або один день: <code>/away ДД.ММ.РРРР</code>), наприклад <code>/away 01.12.2026-14.12.2026 @egor</code>.
    Першого дня ваші відкриті заявки перейдуть заступникові, а без нього — повернуться в чергу; нові заявки вам тим часом не призначаються. /back завершує відсутність.
away-bad_dates = Не можу прочитати «{ $text }» як дві дати.
away-end_before_start = Період закінчується раніше, ніж починається.
away-past = Цей період уже минув.
away-unknown_deputy = Я не знаю «{ $deputy }»: заступник має спершу написати мені або натиснути мою кнопку. Можна також вказати його Telegram id.
away-self_deputy = Не можна призначити заступником самого себе.
away-deputy_elsewhere = { $deputy } не працює у вашому відділі: заступник має сам працювати з картками відділу.
away-not_executor = Команда /away — для виконавців відділів.
away-saved = 🌴 Ви відсутні з { $starts } по { $ends }.
away-to_deputy = З { $starts } ваші відкриті заявки перейдуть заступникові: { $deputy }.
away-to_queue = З { $starts } ваші відкриті заявки повернуться в чергу.
away-back = 👋 З поверненням: вам знову призначають заявки.
away-not_away = Відсутність у вас не позначено.

## [button]
button-approve = ✅ Погодити
button-decline = ⛔ Відхилити
button-question = ❓ Запитати

## [status]
status-approval = ⏳ чекає на погодження
status-declined = 🚫 не погоджена

## [notice]
notice-approval_submitted = ⏳ Заявку <b>#{ $id }</b> «{ $type }» до відділу <b>{ $department }</b> спершу потрібно погодити. Погоджує: { $names }. Я повідомлю, щойно буде рішення.
notice-approval_question =
    ❓ <b>{ $actor }</b> погоджує вашу заявку <b>#{ $id }</b> «{ $type }» і запитує:
    { $text }

    <i>Щоб відповісти, натисніть «Відповісти» на цьому повідомленні.</i>
notice-approved = ✅ Вашу заявку <b>#{ $id }</b> «{ $type }» погоджено (<b>{ $actor }</b>); тепер вона у відділі <b>{ $department }</b>.
notice-watch_approved = ✅ Заявку <b>#{ $id }</b> «{ $type }» погоджено (<b>{ $actor }</b>); тепер вона у відділі <b>{ $department }</b>.
notice-declined =
    🚫 Вашу заявку <b>#{ $id }</b> «{ $type }» не погоджено (<b>{ $actor }</b>).
    Причина: { $text }
notice-watch_declined =
    🚫 Заявку <b>#{ $id }</b> «{ $type }» не погоджено (<b>{ $actor }</b>).
    Причина: { $text }
notice-approval_remind = ⏰ Заявка <b>#{ $id }</b> «{ $type }» ({ $department }) досі чекає на ваше рішення: натисніть «Погодити», «Відхилити» або «Запитати» під моїм повідомленням про неї.
notice-approval_escalated = ⚠️ Заявка <b>#{ $id }</b> «{ $type }» ({ $department }) надто довго чекає на погодження: відповіді від { $names } немає навіть після нагадування.
notice-approver_unreachable = ⚠️ <b>{ $actor }</b> має погодити вашу заявку <b>#{ $id }</b>, але не отримує моїх повідомлень (бота не запущено або заблоковано). Будь ласка, попросіть цю людину відкрити чат зі мною й натиснути /start.
notice-approver_unreachable_admin = ⚠️ <b>{ $actor }</b> має погодити заявку <b>#{ $id }</b> «{ $type }» ({ $department }), але не отримує моїх повідомлень (бота не запущено або заблоковано). Попросіть цю людину відкрити чат зі мною й натиснути /start; або заявник може скасувати заявку й надіслати її знову.

## [notice.rating_told]
notice-rating_told-rated = ⭐ Оцінка від { $actor } за #{ $id } «{ $type }»: { $stars }
notice-rating_told-rated_comment = ⭐ Оцінка від { $actor } за #{ $id } «{ $type }»: { $stars } — { $text }

## [notice.org_reload]
notice-org_reload-done = 🔄 Файл організації перезавантажено ({ $source }): тепер діє версія { $version }. Нові заявки створюються за нею; відкриті зберігають свої терміни.
notice-org_reload-refused =
    ⚠️ Файл організації не перезавантажено ({ $source }); і далі діє версія { $version }.
    <code>{ $error }</code>

## [prompt]
prompt-decline = { $actor }, дайте відповідь на це повідомлення й вкажіть, чому заявку <b>#{ $id }</b> не погоджено.
prompt-ask = { $actor }, дайте відповідь на це повідомлення й напишіть запитання заявникові щодо заявки <b>#{ $id }</b>.

## [press]
press-approved = Заявку #{ $id } погоджено й передано до відділу.

## [did]
did-approve = погоджено
did-decline = відхилено
did-question = відправлено на уточнення

## [relay]
relay-sent_approver = ✉️ Передано тому, хто погоджує заявку #{ $id }.

## [stats]
stats-approvals = ✋ Запитів на погодження: { $count } · відхилено { $declined } · медіана до погодження { $p50 }

## [stats.low_ratings]
stats-low_ratings-title = 👎 <b>Останні низькі оцінки</b> (3 і нижче):
stats-low_ratings-line = • /show_{ $id } { $stars } { $rater }
stats-low_ratings-comment = • /show_{ $id } { $stars } { $rater }: «{ $comment }»

## [show.did]
show-did-approve = погоджено
show-did-decline = не погоджено
show-did-question = поставлено запитання заявникові

## [weekly]
weekly-title = 📅 <b>{ $department }</b> · тиждень { $first }–{ $last }
weekly-columns = <i>цей тиждень · попередній</i>
weekly-created = Створено: { $this } · { $before }
weekly-done = Виконано: { $this } · { $before }
weekly-sla_response = ✅ SLA реакції дотримано: { $this } · { $before }
weekly-sla_resolve = ✅ SLA виконання дотримано: { $this } · { $before }
weekly-csat = ⭐ CSAT: { $this } · { $before }
weekly-csat_value = { $csat } з { $count } { $count ->
        [one] оцінки
        [few] оцінок
        [many] оцінок
       *[other] оцінки
    }
weekly-take = ⏱ Медіана часу до взяття: { $this } · { $before }
weekly-finish = ⏱ Медіана часу виконання: { $this } · { $before }
weekly-none = —
weekly-breached = 🚨 <b>Прострочені зараз</b>: { $count }
weekly-breached_line = • /show_{ $id } { $type } · { $status } · термін минув { $due }
weekly-stuck = 🐢 <b>Завислі</b> (без руху довше ніж { $stale }): { $count }
weekly-stuck_line = • /show_{ $id } { $type } · { $status } · без руху з { $at }
weekly-load = 👥 <b>Поточне навантаження</b>:
weekly-load_line = • { $name }: { $count }
weekly-no_load = • відкритих заявок немає ні в кого
weekly-lowest = 👎 <b>Найнижчі оцінки</b> тижня:
weekly-rating_line = • /show_{ $id } { $stars } { $rater }
weekly-rating_comment = • /show_{ $id } { $stars } { $rater }: «{ $comment }»
weekly-no_ratings = • оцінок за тиждень немає
weekly-chart_title = { $department } · { $first }–{ $last }

## [approval]
approval-title = ⏳ <b>#{ $id }</b> · { $type } — потрібне погодження
approval-waiting = Погодьте, відхиліть (із причиною) або поставте запитання заявникові.
approval-approved_by = ✅ Погоджено: <b>{ $actor }</b>, { $when }.
approval-declined_by = 🚫 Не погоджено: <b>{ $actor }</b>, { $when }.
approval-show_approvers = Хто погоджує: { $names }

## [review fixes: approvals]
notice-cancelled_approval = ✖ Ви скасували заявку <b>#{ $id }</b> «{ $type }», поки вона чекала на погодження.
notice-cancelled_approval_reason =
    ✖ Ви скасували заявку <b>#{ $id }</b> «{ $type }», поки вона чекала на погодження.
    Причина: { $text }
approval-cancelled_by = ✖ Скасовано: <b>{ $actor }</b>, { $when }.
press-ask_question = Дайте відповідь на моє повідомлення й напишіть запитання.
relay-question_sent = ✉️ Ваше запитання щодо заявки #{ $id } надіслано заявникові; відповідь прийде сюди.
notice-relay_from_requester =
    💬 <b>#{ $id }</b> · { $author } (заявник):
    { $text }

    <i>Щоб відповісти, натисніть «Відповісти» на цьому повідомленні.</i>
notice-relay_from_approver =
    💬 <b>#{ $id }</b> · { $author } (погоджує заявку):
    { $text }

    <i>Щоб відповісти, натисніть «Відповісти» на цьому повідомленні.</i>
notice-relay_caption_from_requester = 💬 #{ $id } · { $author } (заявник)
notice-relay_caption_from_approver = 💬 #{ $id } · { $author } (погоджує заявку)
