## [start]
start-greeting =
    Здравствуйте, { $name }! Я — <b>Baton</b>, сервис заявок компании { $org }.

    Расскажите, что вам нужно от другого отдела: я задам несколько коротких вопросов, передам заявку нужной команде, прослежу за сроком и буду сообщать, как идут дела.

    /new — создать заявку
    /my — ваши заявки
    /help — все команды

## [help]
help-private =
    <b>Что я умею</b>
    /new — создать заявку в отдел
    /my — ваши заявки, их статусы и сроки (сначала открытые, по 10)
    /show N — всё о заявке #N: ответы, сроки, история (или нажмите /show_N в списке)
    /find ТЕКСТ — найти заявки по номеру, словам из ответов или имени заявителя
    /cancel — отменить заполнение заявки
    /help — этот список
    /away ДД.ММ.ГГГГ-ДД.ММ.ГГГГ [@заместитель] — (исполнителям) отсутствие: ваши заявки перейдут заместителю или вернутся в очередь
    /back — вернуться после отсутствия

    Чтобы написать тем, кто работает над вашей заявкой, <b>ответьте</b> на моё сообщение о ней.
help-group =
    <b>Baton в этой группе</b>
    /queue — открытые заявки отдела, сначала с ближайшим сроком
    /show N — всё о заявке отдела #N
    /find ТЕКСТ — найти заявки отдела по номеру, словам или заявителю
    /bind &lt;отдел&gt; — (для администраторов) привязать эту группу к отделу, чтобы сюда приходили его заявки
    Кнопки на карточке заявки позволяют взять её в работу, завершить, отклонить или передать в другой отдел. Чтобы написать заявителю, ответьте на карточку.
    Руководителям: <b>Назначить</b> / <b>Переназначить</b> на карточке показывает исполнителей, которым можно её передать.

## [commands]
commands-away = Отсутствие на несколько дней (исполнителям)
commands-back = Вернуться после отсутствия
commands-stats = Статистика (руководителям)
commands-export = Выгрузка заявок в CSV (руководителям)
commands-start = Запуск и приветствие
commands-new = Создать заявку
commands-my = Мои заявки
commands-cancel = Отменить заполнение
commands-help = Что умеет бот
commands-queue = Открытые заявки отдела
commands-show = Показать заявку: /show N
commands-find = Найти заявки по словам или номеру
commands-bind = Привязать чат к отделу (для администраторов)

## [form]
form-choose_department = <b>Новая заявка.</b> В какой отдел обращаетесь?
form-choose_type = <b>{ $department }</b>: выберите тип заявки.
form-question = <b>{ $number }/{ $total }. { $label }</b>
form-hint_text = Напишите ответ (до { $limit } { $limit ->
        [one] символа
       *[other] символов
    }).
form-hint_number = Отправьте число.
form-hint_number_range = Отправьте число от { $min } до { $max }.
form-hint_number_min = Отправьте число не меньше { $min }.
form-hint_number_max = Отправьте число не больше { $max }.
form-hint_date = Отправьте дату: ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.
form-hint_choice = Выберите один из вариантов на кнопках.
form-hint_file = Отправьте фото или документ.
form-hint_optional = <i>Необязательно: если не подходит, нажмите «Пропустить».</i>
form-priority = <b>Насколько это срочно?</b> У срочных заявок сроки короче.
form-summary =
    <b>Проверьте, пожалуйста, заявку</b>

    <b>{ $department } · { $type }</b>
    { $answers }
    { $priority_line }
    Отправить?
form-priority_line = Приоритет: { $priority }
form-answer_line = <b>{ $label }:</b> { $value }
form-skipped = —
form-submitted =
    ✅ Заявка <b>#{ $id }</b> отправлена в отдел <b>{ $department }</b>.
    Срок реакции — до { $response_due }, срок выполнения — до { $resolve_due }.{ $needed_by }
    Я сообщу, когда заявку возьмут в работу. Чтобы написать исполнителю, отвечайте на мои сообщения о #{ $id }.
form-submitted_needed_by = {"\u000A"}Вам нужно к { $date }.
form-submitted_unbound = {"\u000A"}<i>Отдел { $department } ещё не подключил свой чат. Администраторы уже в курсе, а заявка сохранена и не потеряется.</i>
form-cancelled = Заполнение отменено, ничего не отправлено. Начать заново — /new.
form-nothing_to_cancel = Отменять нечего. Создать заявку — /new.
form-resumed = У вас есть незаконченная заявка — продолжим с того места, где вы остановились. Отменить её — /cancel.
form-broken = Пока вы заполняли заявку, настройки организации изменились. Пожалуйста, начните заново: /new.
form-stale = Эта кнопка относится к предыдущему шагу.
form-changed = В настройках организации в этой форме появился новый вопрос: ответьте на него и отправьте заявку.
form-already_submitted = Эта заявка уже отправлена.
form-private_only = Заявки создаются в личном чате со мной: откройте @{ $bot } и отправьте /new.
form-error_wrap = ⚠️ { $error }
form-watchers =
    👥 <b>Держать кого-нибудь в курсе?</b>
    Они будут получать то же, что и вы (взяли в работу, вопросы, готово), и смогут отвечать; не больше { $max } { $max ->
        [one] человека
       *[other] человек
    }. Нажмите «{ $button }» внизу или «Пропустить».
form-watchers_summary = 👥 В курсе: { $names }
form-repeat_of = 🔂 Заполняем заново по образцу <b>#{ $id }</b>: нажмите «Оставить», чтобы взять прежний ответ, или дайте новый.
form-keep_hint = <i>Раньше: { $value }</i>

## [form.error]
form-error-use_picker = Пожалуйста, нажмите «👥 Выбрать людей» или «Пропустить» внизу.
form-error-text_expected = Здесь нужен текст, а не стикер, голосовое сообщение или файл.
form-error-empty = Ответ пустой. Пожалуйста, напишите его.
form-error-too_long = Слишком длинный ответ: { $length } { $length ->
        [one] символ
        [few] символа
       *[other] символов
    } при лимите { $limit }. Пожалуйста, сократите его.
form-error-not_number = Это не похоже на число. Например: 1500 или 12,5
form-error-number_min = Число должно быть не меньше { $min }.
form-error-number_max = Число должно быть не больше { $max }.
form-error-bad_date = Не получается распознать дату. Пожалуйста, напишите её в формате ДД.ММ.ГГГГ, например 31.12.2026.
form-error-past_date = Эта дата уже прошла. Пожалуйста, укажите сегодняшнюю или более позднюю дату.
form-error-choose_option = Пожалуйста, выберите один из вариантов на кнопках.
form-error-file_expected = Пожалуйста, отправьте фото или документ.
form-error-cannot_skip = Этот вопрос нельзя пропустить.
form-error-use_buttons = Пожалуйста, нажмите «Отправить» или «Отменить» ниже.

## [button]
button-assign = 👤 Назначить
button-reassign = 👤 Переназначить
button-skip = Пропустить
button-back = « Назад
button-submit = ✅ Отправить
button-cancel = ✖ Отменить заявку
button-normal = Не срочно
button-urgent = 🔥 Срочно
button-take = 🙋 Взять
button-reject = ⛔ Отклонить
button-transfer = ➡️ Передать
button-done = ✅ Готово
button-need_info = ❓ Уточнить
button-release = ↩️ В очередь
button-accept = 👍 Принять
button-reopen = 🔁 На доработку
button-drop = ✖ Отменить
button-older = Ранее »
button-newer = « Позже
button-cancel_form = ✖ Отменить
button-follow = 🔔 Следить
button-unfollow = 🔕 Не следить
button-repeat = 🔂 Повторить
button-keep = Оставить «{ $value }»
button-pick_people = 👥 Выбрать людей

## [status]
status-new = 🆕 новая
status-in_progress = 🛠 в работе
status-waiting = ⏸ ждём ответа заявителя
status-on_review = 👀 на проверке
status-closed = ✅ закрыта
status-rejected = ⛔ отклонена
status-cancelled = ✖ отменена

## [priority]
priority-normal = обычный
priority-urgent = 🔥 срочный

## [card]
card-title = <b>#{ $id }</b> · { $type }
card-requester = Заявитель: { $requester }
card-status = Статус: <b>{ $status }</b>
card-assignee = Исполнитель: { $assignee }
card-nobody = пока не назначен
card-priority = Приоритет: { $priority }
card-response_due = Взять в работу до: { $due }
card-resolve_due = Выполнить до: { $due }
card-needed_by = Нужно к: { $date }
card-comment = Комментарий: «{ $comment }»
card-paused = Выполнить до: срок на паузе, пока ждём ответа (осталось { $left })
card-overdue = ⚠️ просрочено
card-transferred =
    <b>#{ $id }</b> · { $type }
    ➡️ Передана в отдел <b>{ $department }</b>.
card-moved =
    <b>#{ $id }</b> · { $type }
    ➡️ Перенесена в новый чат отдела <b>{ $department }</b>: работа по ней идёт там.
card-cut = … [обрезано, ещё { $count } { $count ->
        [one] символ
        [few] символа
       *[other] символов
    }]
card-file = 📎 { $name }
card-rating = Оценка: { $stars }

## [notice]
notice-assigned = 📌 <b>{ $actor }</b> назначил(а) вам заявку <b>#{ $id }</b> «{ $type }» ({ $department }).
notice-assigned_auto = 📌 Вам назначена заявка <b>#{ $id }</b> «{ $type }» ({ $department }).
notice-unassigned = ↪️ <b>{ $actor }</b> передал(а) заявку <b>#{ $id }</b> «{ $type }» другому исполнителю; вы больше над ней не работаете.
notice-handed_over = 📌 Заявка <b>#{ $id }</b> «{ $type }» ({ $department }) теперь ваша, пока <b>{ $actor }</b> отсутствует.
notice-back_to_queue = ↩️ Заявка <b>#{ $id }</b> «{ $type }» снова в очереди: <b>{ $actor }</b> отсутствует.
notice-watch_added = 👥 <b>{ $actor }</b> держит вас в курсе заявки <b>#{ $id }</b> «{ $type }» в отдел { $department }: вы узнаете, когда её возьмут, о вопросах по ней и о готовности, и сможете отвечать на эти сообщения.
notice-taken = 🙋 <b>{ $actor }</b> ({ $department }) взял(а) в работу вашу заявку <b>#{ $id }</b> «{ $type }».
notice-released = ↩️ Ваша заявка <b>#{ $id }</b> снова в очереди отдела { $department }.
notice-question =
    ❓ <b>{ $actor }</b> ({ $department }) уточняет по заявке <b>#{ $id }</b>:

    { $text }

    <i>Чтобы ответить, нажмите «Ответить» на этом сообщении.</i>
notice-done =
    ✅ Отдел { $department } выполнил заявку <b>#{ $id }</b> «{ $type }».
    Пожалуйста, проверьте результат: примите работу или верните её на доработку, а также оцените от 1 до 5.
notice-rejected =
    ⛔ Отдел { $department } отклонил заявку <b>#{ $id }</b> «{ $type }».
    Причина: { $text }
notice-transferred =
    ➡️ Ваша заявка <b>#{ $id }</b> передана в отдел <b>{ $department }</b>.
    Причина: { $text }
notice-reopened = 🔁 <b>{ $actor }</b> вернул(а) заявку <b>#{ $id }</b> на доработку: работа пока не принята.
notice-accepted = 👍 <b>{ $actor }</b> принял(а) работу по заявке <b>#{ $id }</b>.
notice-group_cancelled = ✖ <b>{ $actor }</b> отменил(а) заявку <b>#{ $id }</b>: делать больше ничего не нужно.
notice-group_cancelled_reason =
    ✖ <b>{ $actor }</b> отменил(а) заявку <b>#{ $id }</b>: делать больше ничего не нужно.
    Причина: { $text }
notice-relay_to_group =
    💬 <b>#{ $id }</b> · { $author } (заявитель):
    { $text }
notice-relay_to_requester =
    💬 <b>#{ $id }</b> · { $author }, { $department }:
    { $text }

    <i>Чтобы ответить, нажмите «Ответить» на этом сообщении.</i>
notice-relay_caption_group = 💬 #{ $id } · { $author } (заявитель)
notice-relay_caption_requester = 💬 #{ $id } · { $author }, { $department }
notice-unbound = 📭 Заявка <b>#{ $id }</b> в отдел <b>{ $department }</b> ожидает: к отделу не привязан ни один чат. Отправьте <code>/bind { $key }</code> в группе отдела.
notice-delayed = ⏳ Ваша заявка <b>#{ $id }</b> сохранена, но чат отдела { $department } сейчас недоступен. Я продолжаю попытки и обязательно её доставлю.
notice-unreachable = ⚠️ Не получается написать в чат отдела <b>{ $department }</b> ({ $error }). Пожалуйста, снова добавьте меня в группу отдела и отправьте там <code>/bind { $key }</code>.
notice-requester_unreachable = ⚠️ <b>{ $actor }</b> не получает моих сообщений (заблокировал(а) бота или ни разу его не запускал(а)) и не увидит новостей по заявке <b>#{ $id }</b>. Пожалуйста, свяжитесь с заявителем напрямую.
notice-assignee_unreachable = ⚠️ Заявка <b>#{ $id }</b> передана исполнителю <b>{ $actor }</b>, но он(а) не получает моих сообщений (заблокировал(а) бота или ни разу его не запускал(а)). Пожалуйста, сообщите ему(ей) и попросите открыть чат со мной и нажать /start.
notice-chat_unreachable = ⚠️ Ваша заявка <b>#{ $id }</b> сохранена, но я не могу опубликовать её в чате отдела { $department }. Администраторы в курсе; заявка будет доставлена, как только чат починят.
notice-bound_requests = 📬 { $count ->
        [one] { $count } ожидавшая заявка отдела { $department } теперь опубликована здесь.
        [few] { $count } ожидавшие заявки отдела { $department } теперь опубликованы здесь.
       *[other] { $count } ожидавших заявок отдела { $department } теперь опубликованы здесь.
    }
notice-relay_refused = ⚠️ { $actor }, Telegram не дал передать это сообщение по заявке <b>#{ $id }</b> ({ $error }). Отправьте его, пожалуйста, ещё раз текстом, фото или документом.
notice-files_refused = ⚠️ Отдел получил заявку <b>#{ $id }</b>, но Telegram не дал приложить к ней эти файлы: { $files }. Отправьте их, пожалуйста, ещё раз ответом на это сообщение.
notice-card_refused = ⚠️ Telegram не принял карточку заявки <b>#{ $id }</b> для отдела { $department } ({ $error }), и исполнители её не видят. Заявка сохранена; пожалуйста, сообщите разработчикам.
notice-relay_slow_down = ⏳ Многие ваши сообщения по заявке <b>#{ $id }</b> ещё в пути в отдел { $department }: чат принимает лишь ограниченное число сообщений в минуту. Все они дойдут по порядку, тексты — одним сообщением.
notice-rate_ask = ⭐ Как отдел { $department } справился с заявкой <b>#{ $id }</b> «{ $type }»? Оцените от 1 до 5.
notice-rate_remind = ⭐ Напоминаем: оцените, пожалуйста, заявку <b>#{ $id }</b> «{ $type }» от 1 до 5 — это одно нажатие.
notice-auto_closed = ✅ Заявка <b>#{ $id }</b> «{ $type }» закрыта автоматически: она была на проверке, но ответа не было.
notice-digest_group = ⏰ <b>Сроки</b>
notice-digest_private = ⏰ <b>Ваши заявки</b>
notice-digest_escalate = 🚨 <b>Эскалация</b>: сроки нарушены
notice-digest_stuck = 🐢 <b>Зависшие заявки</b>: без движения дольше { $stale }
notice-digest_mention = { $person }, я не могу написать вам в личные сообщения. Откройте, пожалуйста, чат со мной и нажмите /start. А пока:
notice-cancelled = ✖ Вы отменили заявку <b>#{ $id }</b> «{ $type }». Отдел { $department } в курсе.
notice-cancelled_reason =
    ✖ Вы отменили заявку <b>#{ $id }</b> «{ $type }». Отдел { $department } в курсе.
    Причина: { $text }
notice-assignee_cancelled = ✖ <b>{ $actor }</b> отменил(а) заявку <b>#{ $id }</b> «{ $type }», над которой вы работали. Делать по ней больше ничего не нужно.
notice-assignee_cancelled_reason =
    ✖ <b>{ $actor }</b> отменил(а) заявку <b>#{ $id }</b> «{ $type }», над которой вы работали. Делать по ней больше ничего не нужно.
    Причина: { $text }
notice-watch_taken = 👥 Заявка <b>#{ $id }</b> «{ $type }», за которой вы следите: её взял(а) <b>{ $actor }</b> ({ $department }).
notice-watch_released = 👥 Заявка <b>#{ $id }</b> «{ $type }», за которой вы следите, вернулась в очередь отдела { $department }.
notice-watch_question =
    👥 <b>{ $actor }</b> ({ $department }) спрашивает о заявке <b>#{ $id }</b> «{ $type }», за которой вы следите:

    { $text }

    <i>Чтобы ответить, ответьте на это сообщение.</i>
notice-watch_done = 👥 Отдел { $department } выполнил заявку <b>#{ $id }</b> «{ $type }», за которой вы следите; теперь её проверяет заявитель.
notice-watch_rejected =
    👥 Отдел { $department } отклонил заявку <b>#{ $id }</b> «{ $type }», за которой вы следите.
    Причина: { $text }
notice-watch_transferred =
    👥 Заявку <b>#{ $id }</b> «{ $type }», за которой вы следите, передали в отдел <b>{ $department }</b>.
    Причина: { $text }
notice-watch_cancelled = 👥 <b>{ $actor }</b> отменил(а) заявку <b>#{ $id }</b> «{ $type }», за которой вы следите.
notice-watch_cancelled_reason =
    👥 <b>{ $actor }</b> отменил(а) заявку <b>#{ $id }</b> «{ $type }», за которой вы следите.
    Причина: { $text }
notice-watcher_unreachable = ⚠️ <b>{ $actor }</b> не получает моих сообщений о заявке <b>#{ $id }</b> (не запускал(а) бота или заблокировал(а) его). Попросите открыть чат со мной и нажать /start.
notice-relay_to_group_watcher =
    💬 <b>#{ $id }</b> · { $author } (в курсе заявки):
    { $text }
notice-relay_caption_group_watcher = 💬 #{ $id } · { $author } (в курсе заявки)

## [line]
line-remind_response = ⏰ <b>#{ $id }</b> { $type }: пока никто не взял; взять до { $due }
line-remind_resolve = ⏰ <b>#{ $id }</b> { $type }: выполнить до { $due }
line-breach_response = 🔥 <b>#{ $id }</b> { $type }: не взята вовремя (срок { $due })
line-breach_resolve = 🔥 <b>#{ $id }</b> { $type }: просрочена с { $due }
line-escalate_response = 🚨 <b>#{ $id }</b> { $type } ({ $department }): не взята вовремя (срок { $due })
line-escalate_resolve = 🚨 <b>#{ $id }</b> { $type } ({ $department }): не выполнена вовремя (срок { $due })
line-stuck = 🐢 <b>#{ $id }</b> { $type }: { $status }, без движения с { $due }
line-needed_by = {" "}· нужна к { $date }, раньше срока

## [list]
list-part = {" "}({ $part }/{ $parts })
list-more = <i>… и ещё { $count }</i>

## [review]
review-accepted = ✅ Вы приняли работу по заявке <b>#{ $id }</b>, заявка закрыта. Спасибо!
review-accepted_rate = ✅ Вы приняли работу по заявке <b>#{ $id }</b>, заявка закрыта. Как вы оцените работу?
review-rated = ⭐ Ваша оценка заявки <b>#{ $id }</b>: { $stars }. Хотите добавить комментарий? Ответьте на это сообщение в течение { $minutes } { $minutes ->
        [one] минуты
       *[other] минут
    }.
review-rated_done = Ваша оценка заявки <b>#{ $id }</b>: { $stars }.
review-comment_saved = Спасибо, ваш комментарий к заявке <b>#{ $id }</b> сохранён.
review-reopened = 🔁 Вы вернули заявку <b>#{ $id }</b> на доработку, отдел { $department } продолжит работу.
review-closed_note = <i>Примите работу или верните её на доработку; ваша оценка сохранена.</i>

## [prompt]
prompt-reject = { $actor }, ответьте на это сообщение и укажите причину отклонения заявки <b>#{ $id }</b>.
prompt-transfer_to = В какой отдел передать заявку <b>#{ $id }</b>?
prompt-transfer = { $actor }, ответьте на это сообщение и укажите причину передачи заявки <b>#{ $id }</b> в отдел <b>{ $department }</b>.
prompt-need_info = { $actor }, ответьте на это сообщение и напишите вопрос заявителю по заявке <b>#{ $id }</b>.
prompt-cancelled = Отменено.
prompt-reason_empty = Пожалуйста, ответьте текстом, хотя бы парой слов.
prompt-cancel = Отменить заявку <b>#{ $id }</b>? Ответьте на это сообщение и укажите причину или нажмите «Пропустить», чтобы отменить без неё.

## [press]
press-assigned = Заявка #{ $id } назначена.
press-not_executor = Заявку #{ $id } можно назначить только исполнителю отдела.
press-same_person = Заявка #{ $id } уже у этого человека.
press-no_executors = У отдела пока нет исполнителей: перечислите их в executors в файле организации, или они появятся, когда нажмут кнопку на карточке.
press-took = Вы взяли заявку #{ $id } в работу.
press-done = Заявка #{ $id } на проверке у заявителя.
press-released = Заявка #{ $id } снова в очереди.
press-ask_reason = Ответьте на моё сообщение и укажите причину.
press-accepted = Принято.
press-reopened = Возвращено на доработку.
press-rated = Спасибо: { $score }/5.
press-not_found = Такой заявки нет.
press-not_allowed = Эта кнопка не для вас.
press-not_assignee = Это может сделать только исполнитель ({ $name }) или руководитель.
press-wrong_state = Поздно: заявка #{ $id } уже в статусе «{ $status }».
press-wrong_state_by = Поздно: { $actor } уже { $did } #{ $id } в { $time }.
press-same_department = Заявка #{ $id } уже в этом отделе.
press-outdated = Эта кнопка устарела.
press-cancelled = Заявка #{ $id } отменена.
press-followed = Теперь вы следите за #{ $id } и будете получать то же, что и заявитель.
press-unfollowed = Вы больше не следите за #{ $id }.
press-repeat = Новая заявка по образцу #{ $id }: оставьте или измените каждый ответ.

## [did]
did-assign = назначил(а)
did-reassign = переназначил(а)
did-take = взял(а) в работу
did-release = вернул(а) в очередь
did-need_info = задал(а) вопрос по
did-answer = ответил(а) на вопрос по
did-done = выполнил(а)
did-accept = принял(а)
did-reopen = вернул(а) на доработку
did-reject = отклонил(а)
did-transfer = передал(а) в другой отдел
did-cancel = отменил(а)
did-auto_close = закрыл(а)
did-created = создал(а)
did-follow = начал(а) следить за
did-unfollow = перестал(а) следить за
did-repeat = повторил(а)

## [my]
my-title = <b>Ваши заявки</b>
my-line =
    <b>#{ $id }</b> · { $department } · { $type }
    {"   "}{ $status }{ $due } /show_{ $id }
my-page = <b>Ваши заявки</b> ({ $first }–{ $last } из { $total })
my-due = {" "}· срок: { $due }
my-empty = У вас пока нет заявок. Создать заявку — /new.

## [queue]
queue-title = <b>{ $department }</b>: { $count } { $count ->
        [one] открытая заявка
        [few] открытые заявки
       *[other] открытых заявок
    }
queue-line = <b>#{ $id }</b> { $type } · { $status } · { $assignee }{ $due } /show_{ $id }
queue-empty = <b>{ $department }</b>: открытых заявок нет. 🎉
queue-not_bound = Этот чат пока не привязан к отделу. Администратор может отправить /bind &lt;отдел&gt;.

## [bind]
bind-usage = Формат: <code>/bind &lt;отдел&gt;</code>. Отделы: { $keys }
bind-unknown = Отдела «{ $key }» нет. Отделы: { $keys }
bind-not_admin = Привязывать чаты могут только администраторы организации.
bind-done = ✅ Теперь в этот чат будут приходить заявки отдела <b>{ $department }</b>.
bind-done_topic = ✅ Теперь в эту тему будут приходить заявки отдела <b>{ $department }</b>.
bind-posted = 📋 Сюда будут опубликованы открытые заявки отдела <b>{ $department }</b>: { $count }.
bind-groups_only = Отправьте /bind в группе отдела.

## [group]
group-hello = Здравствуйте! Я — <b>Baton</b>. Администратор может подключить эту группу к отделу командой <code>/bind &lt;отдел&gt;</code> ({ $keys }). Права администратора мне не нужны.

## [relay]
relay-sent = ✉️ Передано в отдел { $department } (#{ $id }).
relay-sent_requester = ✉️ Передано заявителю по заявке #{ $id }.
relay-answered = ✉️ Ваш ответ передан в отдел { $department }, работа по заявке #{ $id } продолжается.
relay-closed = Заявка #{ $id } в статусе «{ $status }», поэтому передать сообщение нельзя. Создать новую заявку — /new.
relay-too_late = Не передано: заявка #{ $id } в статусе «{ $status }» уже больше { $days } { $days ->
        [one] дня
       *[other] дней
    }, заявителю о ней больше не пишут.
relay-not_allowed = Писать о заявке #{ $id } могут только заявитель и отдел-исполнитель.

## [private]
private-fallback = Чтобы создать заявку, отправьте /new; /my — ваши заявки. Чтобы написать по заявке, ответьте на моё сообщение о ней.

## [flood]
flood-dropped = Вы отправили слишком много сразу, и я принял не всё. Подождите немного и отправьте последние сообщения ещё раз.
flood-dropped_press = Слишком много нажатий сразу. Подождите немного и нажмите ещё раз.

## [error]
error-generic = Извините, у меня что-то пошло не так. Всё, что вы ввели, сохранено; попробуйте ещё раз через минуту.

## [stats]
stats-reassigns = 👤 Переназначений: { $count }
stats-usage = Формат: <code>/stats [дни] [отдел]</code>, например <code>/stats 7 it</code>. Дни: от 1 до 3650.
stats-export_usage = Формат: <code>/export [дни] [отдел]</code>, например <code>/export 90 it</code>. Дни: от 1 до 3650.
stats-refused = Статистика доступна руководителям отдела и администраторам. Если она нужна вам, попросите администратора добавить вас в <code>managers</code>.
stats-refused_department = Вы не руководите отделом «{ $department }». Вам доступны: { $departments }.
stats-unknown_department = Отдела «{ $department }» нет. Отделы: { $departments }
stats-group_not_bound = Этот чат не привязан к отделу, поэтому статистики здесь нет. Руководители смотрят её в личном чате со мной: @{ $bot }.
stats-group_only = В этой группе я показываю только: { $departments }. Статистику других отделов запросите командой /stats в личном чате со мной: @{ $bot }.
stats-export_private = В выгрузке заявки всех сотрудников, поэтому я отправляю её только в личный чат: откройте @{ $bot } и отправьте /export там.
stats-title = 📊 <b>{ $department }</b> · за { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[other] { $days } дней
    }
stats-volume = Создано { $created } · взято { $taken } · выполнено { $done } · отменено { $cancelled }
stats-open = Открыто сейчас: { $total } (🆕 { $new } · 🛠 { $in_progress } · ⏸ { $waiting } · 👀 { $on_review })
stats-take = ⏱ Время до взятия: медиана { $p50 } · 90% — не дольше { $p90 }
stats-finish = ⏱ Время выполнения: медиана { $p50 } · 90% — не дольше { $p90 }
stats-no_times = —
stats-sla = ✅ SLA соблюдён: реакция { $response } · выполнение { $resolve }
stats-sla_share = { $share } (нарушено: { $breached })
stats-sla_none = нет данных
stats-stuck = 🐢 Зависли (без движения дольше { $stale }): { $count }
stats-transfers = ↔️ Передачи: получено { $transfers_in } · передано { $transfers_out }
stats-ratings = ⭐ Оценка { $average } ({ $count } { $count ->
        [one] оценка
        [few] оценки
       *[other] оценок
    }) · CSAT { $csat }
stats-no_ratings = ⭐ Оценок за период нет
stats-executors = 👥 <b>Исполнители</b> (открыто · выполнено · медиана выполнения · оценка):
stats-executor = • { $name }: { $open } · { $done } · { $median } · { $rating }
stats-no_rating = без оценок
stats-flows_title = 🔀 <b>Кто к кому обращается</b> за { $days } { $days ->
        [one] день
        [few] дня
       *[other] дней
    }:
stats-flow = • { $source } → { $target }: { $count }
stats-unknown_source = другие
stats-no_flows = За этот период заявок не было.
stats-working_time = <i>Время — рабочее: в рабочем дне { $hours }.</i>
stats-chart_created = Создано
stats-chart_done = Выполнено
stats-chart_per_day = Заявок в день
stats-chart_compliance = SLA соблюдён, % по неделям
stats-chart_response = Реакция
stats-chart_resolve = Выполнение
stats-chart_no_data = За этот период заявок нет
stats-chart_title = { $departments } · за { $days } { $days ->
        [one] день
        [few] дня
       *[other] дней
    }
stats-export_caption = 📎 Заявки ({ $departments }) за { $days } { $days ->
        [one] день
        [few] дня
       *[other] дней
    }: { $count }.
stats-export_empty = За { $days ->
        [one] последний { $days } день
        [few] последние { $days } дня
       *[other] последние { $days } дней
    } заявок не было.

## [units]
units-minutes = { $m } мин
units-hours = { $h } ч { $m } мин
units-hours_only = { $h } ч
units-days = { $d } дн { $h } ч

## [access]
access-refused = Извините, подавать заявки здесь могут только сотрудники { $org }. Если вы здесь работаете, попросите администратора открыть вам доступ.

## [show]
show-usage = Как пользоваться: <code>/show N</code>, например <code>/show 12</code>.
show-not_found = Заявки #{ $id } среди доступных вам нет.
show-department = Отдел: { $department }
show-take_by = Взять в работу до: { $due }{ $state }
show-done_by = Выполнить до: { $due }{ $state }
show-needed_by = Нужно к: { $date }{ $state }
show-left = {" "}· осталось { $left }
show-late = {" "}· ⚠️ просрочено на { $late }
show-met = {" "}· ✅ { $when }
show-missed = {" "}· ⚠️ { $when }, с опозданием
show-paused = {" "}· на паузе, осталось { $left }
show-days_left = {" "}· через { $count } { $count ->
        [one] день
        [few] дня
       *[other] дней
    }
show-today = {" "}· сегодня
show-days_late = {" "}· ⚠️ просрочено на { $count } { $count ->
        [one] день
        [few] дня
       *[other] дней
    }
show-watchers = Наблюдатели: { $watchers }
show-nobody = нет
show-timeline = <b>История</b>
show-earlier_messages = … ещё { $count } { $count ->
        [one] сообщение
        [few] сообщения
       *[other] сообщений
    } между заявителем и отделом — в чатах
show-event = { $at } · { $actor } { $did }{ $detail }
show-detail = : «{ $text }»
show-system = Baton
show-file = <b>#{ $id }</b> · { $label }

## [show.did]
show-did-created = создал(а) заявку
show-did-take = взял(а) в работу
show-did-release = вернул(а) в очередь
show-did-need_info = задал(а) вопрос
show-did-answer = ответил(а)
show-did-done = выполнил(а)
show-did-accept = принял(а) работу
show-did-reopen = вернул(а) на доработку
show-did-reject = отклонил(а)
show-did-transfer = передал(а) из отдела { $from } в отдел { $to }
show-did-cancel = отменил(а)
show-did-auto_close = закрыл заявку автоматически (ответа вовремя не было)
show-did-assign = назначил(а) исполнителя
show-did-reassign = передал(а) другому исполнителю
show-did-follow = подписался(-ась) на новости
show-did-unfollow = отписался(-ась) от новостей
show-did-repeat = подал(а) заявку повторно
show-did-rated = оценил(а): { $stars }
show-did-commented = оставил(а) комментарий
show-did-message = написал(а)

## [find]
find-usage = Как пользоваться: <code>/find слова</code> — номер заявки, слова из ответов или имя заявителя.
find-title = <b>Найдено по запросу «{ $query }»</b>
find-none = По запросу «{ $query }» ничего не найдено.
find-line = <b>#{ $id }</b> · { $type } · { $status } · { $requester } /show_{ $id }

## [picker]
picker-assign = Кому назначить заявку <b>#{ $id }</b>? Число — открытые заявки человека в этом отделе.
picker-reassign = Кому передать заявку <b>#{ $id }</b>? Число — открытые заявки человека в этом отделе.
picker-choice = { $name } · { $count } { $count ->
        [one] открытая
        [few] открытые
       *[other] открытых
    }
picker-away = { $name } · { $count } { $count ->
        [one] открытая
        [few] открытые
       *[other] открытых
    } · отсутствует

## [away]
away-usage =
    Формат: <code>/away ДД.ММ.ГГГГ-ДД.ММ.ГГГГ [@заместитель или id]</code> (или один день: <code>/away ДД.ММ.ГГГГ</code>), например <code>/away 01.12.2026-14.12.2026 @egor</code>.
    В первый день ваши открытые заявки перейдут заместителю, а без него — вернутся в очередь; новые заявки вам в это время не назначаются. /back отменяет отсутствие.
away-bad_dates = Не могу прочитать «{ $text }» как две даты.
away-end_before_start = Период заканчивается раньше, чем начинается.
away-past = Этот период уже закончился.
away-unknown_deputy = Я не знаю «{ $deputy }»: заместитель должен сначала написать мне или нажать мою кнопку. Можно указать и его Telegram id.
away-self_deputy = Нельзя назначить заместителем самого себя.
away-deputy_elsewhere = { $deputy } не работает в вашем отделе: заместитель должен сам работать с карточками отдела.
away-not_executor = Команда /away — для исполнителей отделов.
away-saved = 🌴 Вы отсутствуете с { $starts } по { $ends }.
away-to_deputy = С { $starts } ваши открытые заявки перейдут заместителю: { $deputy }.
away-to_queue = С { $starts } ваши открытые заявки вернутся в очередь.
away-back = 👋 С возвращением: вам снова назначаются заявки.
away-not_away = Отсутствие у вас не отмечено.

## [button]
button-approve = ✅ Одобрить
button-decline = ⛔ Отклонить
button-question = ❓ Спросить

## [status]
status-approval = ⏳ ждёт одобрения
status-declined = 🚫 не одобрена

## [notice]
notice-approval_submitted = ⏳ Заявке <b>#{ $id }</b> «{ $type }» в <b>{ $department }</b> сначала нужно одобрение. Одобряет: { $names }. Я сообщу, когда решат.
notice-approval_question =
    ❓ <b>{ $actor }</b>, одобряющий вашу заявку <b>#{ $id }</b> «{ $type }», спрашивает:
    { $text }

    <i>Ответьте на это сообщение.</i>
notice-approved = ✅ <b>{ $actor }</b> одобрил(а) вашу заявку <b>#{ $id }</b> «{ $type }»; она передана в <b>{ $department }</b>.
notice-watch_approved = ✅ <b>{ $actor }</b> одобрил(а) заявку <b>#{ $id }</b> «{ $type }»; она передана в <b>{ $department }</b>.
notice-declined =
    🚫 <b>{ $actor }</b> не одобрил(а) вашу заявку <b>#{ $id }</b> «{ $type }».
    Причина: { $text }
notice-watch_declined =
    🚫 <b>{ $actor }</b> не одобрил(а) заявку <b>#{ $id }</b> «{ $type }».
    Причина: { $text }
notice-approval_remind = ⏰ Заявка <b>#{ $id }</b> «{ $type }» ({ $department }) всё ещё ждёт вашего решения: нажмите «Одобрить», «Отклонить» или «Спросить» под моим сообщением о ней.
notice-approval_escalated = ⚠️ Заявка <b>#{ $id }</b> «{ $type }» ({ $department }) слишком долго ждёт одобрения: нет ответа от { $names }, даже после напоминания.
notice-approver_unreachable = ⚠️ <b>{ $actor }</b> должен одобрить вашу заявку <b>#{ $id }</b>, но не получает мои сообщения (не запускал бота или заблокировал его). Попросите его открыть чат со мной и нажать /start.
notice-approver_unreachable_admin = ⚠️ <b>{ $actor }</b> должен одобрить заявку <b>#{ $id }</b> «{ $type }» ({ $department }), но не получает мои сообщения (не запускал бота или заблокировал его). Попросите его открыть чат со мной и нажать /start; или заявитель может отменить заявку и отправить её заново.

## [notice.rating_told]
notice-rating_told-rated = ⭐ { $actor } оценил(а) #{ $id } «{ $type }» на { $stars }
notice-rating_told-rated_comment = ⭐ { $actor } оценил(а) #{ $id } «{ $type }» на { $stars }: { $text }

## [notice.org_reload]
notice-org_reload-done = 🔄 Файл организации перезагружен ({ $source }): теперь действует версия { $version }. Новые заявки идут по нему; у открытых сроки прежние.
notice-org_reload-refused =
    ⚠️ Файл организации не перезагружен ({ $source }); продолжает действовать версия { $version }.
    <code>{ $error }</code>

## [prompt]
prompt-decline = { $actor }, ответьте на это сообщение причиной отказа по <b>#{ $id }</b>.
prompt-ask = { $actor }, ответьте на это сообщение вопросом автору заявки <b>#{ $id }</b>.

## [press]
press-approved = #{ $id } одобрена и передана в отдел.

## [did]
did-approve = одобрил(а)
did-decline = отклонил(а)
did-question = задал(а) вопрос по

## [relay]
relay-sent_approver = ✉️ Передано одобряющему заявку #{ $id }.

## [stats]
stats-approvals = ✋ Запрошено одобрений: { $count } · отклонено { $declined } · медиана до одобрения { $p50 }

## [stats.low_ratings]
stats-low_ratings-title = 👎 <b>Последние низкие оценки</b> (3 и ниже):
stats-low_ratings-line = • /show_{ $id } { $stars } { $rater }
stats-low_ratings-comment = • /show_{ $id } { $stars } { $rater }: «{ $comment }»

## [show.did]
show-did-approve = одобрил(а)
show-did-decline = отклонил(а)
show-did-question = задал(а) вопрос автору

## [weekly]
weekly-title = 📅 <b>{ $department }</b> · неделя { $first }–{ $last }
weekly-columns = <i>эта неделя · прошлая</i>
weekly-created = Создано: { $this } · { $before }
weekly-done = Выполнено: { $this } · { $before }
weekly-sla_response = ✅ SLA реакции соблюдён: { $this } · { $before }
weekly-sla_resolve = ✅ SLA решения соблюдён: { $this } · { $before }
weekly-csat = ⭐ CSAT: { $this } · { $before }
weekly-csat_value = { $csat } по { $count } { $count ->
        [one] оценке
       *[other] оценкам
    }
weekly-take = ⏱ Медиана до взятия: { $this } · { $before }
weekly-finish = ⏱ Медиана до выполнения: { $this } · { $before }
weekly-none = —
weekly-breached = 🚨 <b>Просрочены сейчас</b>: { $count }
weekly-breached_line = • /show_{ $id } { $type } · { $status } · срок был { $due }
weekly-stuck = 🐢 <b>Зависли</b> (без движения { $stale }): { $count }
weekly-stuck_line = • /show_{ $id } { $type } · { $status } · последнее движение { $at }
weekly-load = 👥 <b>Открытая нагрузка</b>:
weekly-load_line = • { $name }: { $count }
weekly-no_load = • открытых заявок нет ни у кого
weekly-lowest = 👎 <b>Самые низкие оценки</b> недели:
weekly-rating_line = • /show_{ $id } { $stars } { $rater }
weekly-rating_comment = • /show_{ $id } { $stars } { $rater }: «{ $comment }»
weekly-no_ratings = • оценок за неделю нет
weekly-chart_title = { $department } · { $first }–{ $last }

## [approval]
approval-title = ⏳ <b>#{ $id }</b> · { $type } — нужно одобрение
approval-waiting = Одобрите, отклоните (с причиной) или задайте вопрос автору заявки.
approval-approved_by = ✅ Одобрил(а) <b>{ $actor }</b> в { $when }.
approval-declined_by = 🚫 Не одобрил(а) <b>{ $actor }</b> в { $when }.
approval-show_approvers = Одобряющие: { $names }

## [review fixes: approvals]
notice-cancelled_approval = ✖ Вы отменили заявку <b>#{ $id }</b> «{ $type }», пока она ждала одобрения.
notice-cancelled_approval_reason =
    ✖ Вы отменили заявку <b>#{ $id }</b> «{ $type }», пока она ждала одобрения.
    Причина: { $text }
approval-cancelled_by = ✖ Отменил(а) <b>{ $actor }</b> в { $when }.
press-ask_question = Ответьте на моё сообщение и напишите вопрос.
relay-question_sent = ✉️ Ваш вопрос по заявке #{ $id } отправлен заявителю; ответ придёт сюда.
notice-relay_from_requester =
    💬 <b>#{ $id }</b> · { $author } (заявитель):
    { $text }

    <i>Чтобы ответить, нажмите «Ответить» на этом сообщении.</i>
notice-relay_from_approver =
    💬 <b>#{ $id }</b> · { $author } (одобряющий):
    { $text }

    <i>Чтобы ответить, нажмите «Ответить» на этом сообщении.</i>
notice-relay_caption_from_requester = 💬 #{ $id } · { $author } (заявитель)
notice-relay_caption_from_approver = 💬 #{ $id } · { $author } (одобряющий)
