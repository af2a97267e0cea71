## [start]
start-greeting =
    Hello, { $name }! I am <b>Baton</b>, the request desk of { $org }.

    Tell me what you need from another department: I ask a few short questions, pass the request to the right team, watch the deadline and tell you how it goes.

    /new — file a request
    /my — your requests
    /help — all commands

## [help]
help-private =
    <b>What I can do</b>
    /new — file a request to a department
    /my — your requests, their status and deadlines (open first, 10 at a time)
    /show N — everything about request #N: brief, deadlines, timeline (or tap /show_N in a list)
    /find TEXT — find requests by number, words of the answers or the requester's name
    /cancel — drop the form you are filling in
    /help — this list
    /away DD.MM.YYYY-DD.MM.YYYY [@deputy] — (executors) away: your requests go to the deputy or back to the queue
    /back — back from being away

    To write to the people working on your request, <b>reply</b> to my message about it.
help-group =
    <b>Baton in this group</b>
    /queue — this department's open requests, the nearest deadline first
    /show N — everything about this department's request #N
    /find TEXT — find this department's requests by number, words or requester
    /bind &lt;department&gt; — (admins) send this group's requests to a department
    Press the buttons on a request card to take, finish, reject or transfer it. Reply to a card to write to the requester.
    Managers: <b>Assign</b> / <b>Reassign</b> on a card lists the executors to give it to.

## [commands]
commands-away = Away for some days (executors)
commands-back = Back from being away
commands-start = Start and greeting
commands-new = File a request
commands-my = My requests
commands-cancel = Cancel the form
commands-help = What the bot can do
commands-queue = Open requests of this department
commands-show = Show a request: /show N
commands-find = Find requests by words or number
commands-bind = Bind this chat to a department (admins)
commands-stats = Statistics (managers)
commands-export = Export requests as CSV (managers)

## [form]
form-choose_department = <b>New request.</b> Which department do you need?
form-choose_type = <b>{ $department }</b>: what kind of request?
form-question = <b>{ $number }/{ $total }. { $label }</b>
form-hint_text = Type your answer (up to { $limit } { $limit ->
        [one] character
       *[other] characters
    }).
form-hint_number = Send a number.
form-hint_number_range = Send a number from { $min } to { $max }.
form-hint_number_min = Send a number, at least { $min }.
form-hint_number_max = Send a number, at most { $max }.
form-hint_date = Send a date: DD.MM.YYYY or YYYY-MM-DD.
form-hint_choice = Choose one of the buttons.
form-hint_file = Send a photo or a document.
form-hint_optional = <i>Optional: press Skip if it does not apply.</i>
form-priority = <b>How urgent is it?</b> Urgent requests get shorter deadlines.
form-summary =
    <b>Please check your request</b>

    <b>{ $department } · { $type }</b>
    { $answers }
    { $priority_line }
    Send it?
form-priority_line = Priority: { $priority }
form-answer_line = <b>{ $label }:</b> { $value }
form-skipped = —
form-submitted =
    ✅ Request <b>#{ $id }</b> has been sent to <b>{ $department }</b>.
    Response by { $response_due }, done by { $resolve_due }.{ $needed_by }
    I will tell you when someone takes it. To write to them, reply to my messages about #{ $id }.
form-submitted_needed_by = {"\u000A"}You need it by { $date }.
form-submitted_unbound = {"\u000A"}<i>{ $department } has not connected its chat yet; the admins are told and the request waits safely.</i>
form-cancelled = Form cancelled, nothing was sent. /new starts again.
form-nothing_to_cancel = There is nothing to cancel. /new files a request.
form-resumed = You have an unfinished request; let us continue where you stopped. /cancel drops it.
form-broken = The organisation's settings changed while you were filling the form. Please start again with /new.
form-stale = This button belongs to an earlier step.
form-changed = The organisation's settings added a question to this form: please answer it, then send.
form-already_submitted = This request has already been sent.
form-private_only = Requests are filed in a private chat with me: open @{ $bot } and send /new.
form-error_wrap = ⚠️ { $error }
form-watchers =
    👥 <b>Keep anyone informed?</b>
    They will hear what you hear about this request (taken, questions, done) and may reply; up to { $max } { $max ->
        [one] person
       *[other] people
    }. Press «{ $button }» below, or Skip.
form-watchers_summary = 👥 Kept informed: { $names }
form-repeat_of = 🔂 Filing again like <b>#{ $id }</b>: press «Keep» to reuse an earlier answer, or give a new one.
form-keep_hint = <i>Earlier: { $value }</i>

## [form.error]
form-error-use_picker = Please press «👥 Choose people» or Skip below.
form-error-text_expected = I need text here, not a sticker, a voice message or a file.
form-error-empty = The answer is empty. Please type it.
form-error-too_long = That is { $length } { $length ->
        [one] character
       *[other] characters
    }; the limit is { $limit }. Please shorten it.
form-error-not_number = That does not look like a number. For example: 1500 or 12.5
form-error-number_min = The number must be at least { $min }.
form-error-number_max = The number must be at most { $max }.
form-error-bad_date = I cannot read that date. Please write it as DD.MM.YYYY, for example 31.12.2026.
form-error-past_date = That date has already passed. Please give today or a later date.
form-error-choose_option = Please choose one of the buttons.
form-error-file_expected = Please send a photo or a document.
form-error-cannot_skip = This question cannot be skipped.
form-error-use_buttons = Please press Send or Cancel below.

## [button]
button-assign = 👤 Assign
button-reassign = 👤 Reassign
button-skip = Skip
button-back = « Back
button-submit = ✅ Send
button-cancel = ✖ Cancel request
button-normal = Normal
button-urgent = 🔥 Urgent
button-take = 🙋 Take
button-reject = ⛔ Reject
button-transfer = ➡️ Transfer
button-done = ✅ Done
button-need_info = ❓ Need info
button-release = ↩️ Release
button-accept = 👍 Accept
button-reopen = 🔁 Reopen
button-drop = ✖ Cancel
button-older = Older »
button-newer = « Newer
button-cancel_form = ✖ Cancel
button-follow = 🔔 Follow
button-unfollow = 🔕 Unfollow
button-repeat = 🔂 Repeat
button-keep = Keep «{ $value }»
button-pick_people = 👥 Choose people

## [status]
status-new = 🆕 new
status-in_progress = 🛠 in progress
status-waiting = ⏸ waiting for the requester
status-on_review = 👀 on review
status-closed = ✅ closed
status-rejected = ⛔ rejected
status-cancelled = ✖ cancelled

## [priority]
priority-normal = normal
priority-urgent = 🔥 urgent

## [card]
card-title = <b>#{ $id }</b> · { $type }
card-requester = From: { $requester }
card-status = Status: <b>{ $status }</b>
card-assignee = Assignee: { $assignee }
card-nobody = nobody yet
card-priority = Priority: { $priority }
card-response_due = Take by: { $due }
card-resolve_due = Done by: { $due }
card-needed_by = Needed by: { $date }
card-paused = Done by: paused while waiting ({ $left } left)
card-overdue = ⚠️ overdue
card-transferred =
    <b>#{ $id }</b> · { $type }
    ➡️ Transferred to <b>{ $department }</b>.
card-moved =
    <b>#{ $id }</b> · { $type }
    ➡️ Moved to the department's new chat: <b>{ $department }</b> works on it there.
card-cut = … [cut: { $count } more { $count ->
        [one] character
       *[other] characters
    }]
card-file = 📎 { $name }
card-rating = Rating: { $stars }
card-comment = Comment: «{ $comment }»

## [notice]
notice-assigned = 📌 <b>{ $actor }</b> assigned you <b>#{ $id }</b> «{ $type }» ({ $department }).
notice-assigned_auto = 📌 <b>#{ $id }</b> «{ $type }» ({ $department }) is assigned to you.
notice-unassigned = ↪️ <b>{ $actor }</b> gave <b>#{ $id }</b> «{ $type }» to someone else; you no longer work on it.
notice-handed_over = 📌 <b>#{ $id }</b> «{ $type }» ({ $department }) is yours while <b>{ $actor }</b> is away.
notice-back_to_queue = ↩️ <b>#{ $id }</b> «{ $type }» is back in the queue: <b>{ $actor }</b> is away.
notice-watch_added = 👥 <b>{ $actor }</b> keeps you informed about request <b>#{ $id }</b> «{ $type }» to { $department }: you will hear when it is taken, asked about and done, and may reply to those messages.
notice-taken = 🙋 <b>{ $actor }</b> ({ $department }) took your request <b>#{ $id }</b> «{ $type }».
notice-released = ↩️ Your request <b>#{ $id }</b> is back in { $department }'s queue.
notice-question =
    ❓ <b>{ $actor }</b> ({ $department }) asks about <b>#{ $id }</b>:

    { $text }

    <i>Reply to this message to answer.</i>
notice-done =
    ✅ { $department } has finished <b>#{ $id }</b> «{ $type }».
    Please check the result: accept it or reopen it, and rate the work from 1 to 5.
notice-rejected =
    ⛔ { $department } rejected <b>#{ $id }</b> «{ $type }».
    Reason: { $text }
notice-transferred =
    ➡️ Your request <b>#{ $id }</b> was passed to <b>{ $department }</b>.
    Reason: { $text }
notice-reopened = 🔁 <b>{ $actor }</b> reopened <b>#{ $id }</b>: the work is not accepted yet.
notice-accepted = 👍 <b>{ $actor }</b> accepted <b>#{ $id }</b>.
notice-group_cancelled = ✖ <b>{ $actor }</b> cancelled <b>#{ $id }</b>: nothing more to do.
notice-group_cancelled_reason =
    ✖ <b>{ $actor }</b> cancelled <b>#{ $id }</b>: nothing more to do.
    Reason: { $text }
notice-relay_to_group =
    💬 <b>#{ $id }</b> · { $author } (requester):
    { $text }
notice-relay_to_requester =
    💬 <b>#{ $id }</b> · { $author }, { $department }:
    { $text }

    <i>Reply to this message to answer.</i>
notice-relay_caption_group = 💬 #{ $id } · { $author } (requester)
notice-relay_caption_requester = 💬 #{ $id } · { $author }, { $department }
notice-unbound = 📭 Request <b>#{ $id }</b> for <b>{ $department }</b> is waiting: no chat is bound to it. Send <code>/bind { $key }</code> in the department's group.
notice-delayed = ⏳ Your request <b>#{ $id }</b> is saved, but { $department }'s chat cannot be reached right now. I keep trying and will deliver it.
notice-unreachable = ⚠️ I cannot post to the chat of <b>{ $department }</b> ({ $error }). Please add me to its group again and send <code>/bind { $key }</code> there.
notice-requester_unreachable = ⚠️ <b>{ $actor }</b> cannot receive my messages (blocked the bot or never started it), so they will not see updates on <b>#{ $id }</b>. Please contact them directly.
notice-assignee_unreachable = ⚠️ <b>{ $actor }</b> was given <b>#{ $id }</b> but cannot receive my messages (blocked the bot or never started it). Please tell them, and ask them to open a chat with me and press /start.
notice-chat_unreachable = ⚠️ Your request <b>#{ $id }</b> is saved, but I cannot post it to the chat of { $department }. The admins are told; it will be delivered once the chat is fixed.
notice-bound_requests = 📬 { $count ->
        [one] { $count } waiting request
       *[other] { $count } waiting requests
    } of { $department } { $count ->
        [one] is
       *[other] are
    } posted here now.
notice-relay_refused = ⚠️ { $actor }, Telegram would not pass this message on to <b>#{ $id }</b> ({ $error }). Please send it again as text, a photo or a document.
notice-files_refused = ⚠️ The department received <b>#{ $id }</b>, but Telegram would not post these files with it: { $files }. Please send them again as a reply to this message.
notice-card_refused = ⚠️ Telegram refused the card of <b>#{ $id }</b> for { $department } ({ $error }), so its executors cannot see it. The request is saved; please tell the developers.
notice-relay_slow_down = ⏳ Many of your messages about <b>#{ $id }</b> are still on their way to { $department }: the chat takes only so many a minute. They will all arrive, in order; texts are joined into one message.
notice-rate_ask = ⭐ How did { $department } do with <b>#{ $id }</b> «{ $type }»? Rate it from 1 to 5.
notice-rate_remind = ⭐ A reminder: please rate <b>#{ $id }</b> «{ $type }» from 1 to 5. It takes one tap.
notice-auto_closed = ✅ <b>#{ $id }</b> «{ $type }» was closed automatically: it stayed on review without an answer.
notice-digest_group = ⏰ <b>Deadlines</b>
notice-digest_private = ⏰ <b>Your requests</b>
notice-digest_escalate = 🚨 <b>Escalation</b>: deadlines missed
notice-digest_stuck = 🐢 <b>Stuck requests</b>: no movement for { $stale }
notice-digest_mention = { $person }, I cannot write to you privately. Please open a chat with me and press /start. Meanwhile:
notice-cancelled = ✖ You cancelled <b>#{ $id }</b> «{ $type }». { $department } is told.
notice-cancelled_reason =
    ✖ You cancelled <b>#{ $id }</b> «{ $type }». { $department } is told.
    Reason: { $text }
notice-assignee_cancelled = ✖ <b>{ $actor }</b> cancelled <b>#{ $id }</b> «{ $type }», which you were working on. Nothing more to do.
notice-assignee_cancelled_reason =
    ✖ <b>{ $actor }</b> cancelled <b>#{ $id }</b> «{ $type }», which you were working on. Nothing more to do.
    Reason: { $text }
notice-watch_taken = 👥 <b>#{ $id }</b> «{ $type }», which you follow: <b>{ $actor }</b> ({ $department }) took it.
notice-watch_released = 👥 <b>#{ $id }</b> «{ $type }», which you follow, is back in { $department }'s queue.
notice-watch_question =
    👥 <b>{ $actor }</b> ({ $department }) asks about <b>#{ $id }</b> «{ $type }», which you follow:

    { $text }

    <i>Reply to this message to answer.</i>
notice-watch_done = 👥 { $department } has finished <b>#{ $id }</b> «{ $type }», which you follow; the requester checks it now.
notice-watch_rejected =
    👥 { $department } rejected <b>#{ $id }</b> «{ $type }», which you follow.
    Reason: { $text }
notice-watch_transferred =
    👥 <b>#{ $id }</b> «{ $type }», which you follow, was passed to <b>{ $department }</b>.
    Reason: { $text }
notice-watch_cancelled = 👥 <b>{ $actor }</b> cancelled <b>#{ $id }</b> «{ $type }», which you follow.
notice-watch_cancelled_reason =
    👥 <b>{ $actor }</b> cancelled <b>#{ $id }</b> «{ $type }», which you follow.
    Reason: { $text }
notice-watcher_unreachable = ⚠️ <b>{ $actor }</b> cannot receive my messages about <b>#{ $id }</b> (never started the bot or blocked it). Ask them to open a chat with me and press /start.
notice-relay_to_group_watcher =
    💬 <b>#{ $id }</b> · { $author } (keeps informed):
    { $text }
notice-relay_caption_group_watcher = 💬 #{ $id } · { $author } (keeps informed)

## [line]
line-remind_response = ⏰ <b>#{ $id }</b> { $type }: nobody has taken it yet; take by { $due }
line-remind_resolve = ⏰ <b>#{ $id }</b> { $type }: to finish by { $due }
line-breach_response = 🔥 <b>#{ $id }</b> { $type }: not taken in time (deadline { $due })
line-breach_resolve = 🔥 <b>#{ $id }</b> { $type }: overdue since { $due }
line-escalate_response = 🚨 <b>#{ $id }</b> { $type } ({ $department }): not taken in time (deadline { $due })
line-escalate_resolve = 🚨 <b>#{ $id }</b> { $type } ({ $department }): not finished in time (deadline { $due })
line-stuck = 🐢 <b>#{ $id }</b> { $type }: { $status }, no movement since { $due }
line-needed_by = {" "}· needed by { $date }, before the deadline

## [list]
list-part = {" "}({ $part }/{ $parts })
list-more = <i>… and { $count } more</i>

## [review]
review-accepted = ✅ You accepted <b>#{ $id }</b>; it is closed. Thank you!
review-accepted_rate = ✅ You accepted <b>#{ $id }</b>; it is closed. How would you rate the work?
review-rated = ⭐ You rated <b>#{ $id }</b>: { $stars }. Add a comment? Reply to this message within { $minutes } { $minutes ->
        [one] minute
       *[other] minutes
    }.
review-rated_done = Your rating of <b>#{ $id }</b>: { $stars }.
review-comment_saved = Thank you, your comment on <b>#{ $id }</b> is saved.
review-reopened = 🔁 You reopened <b>#{ $id }</b>; { $department } continues the work.
review-closed_note = <i>Accept or reopen it; your rating is saved.</i>

## [prompt]
prompt-reject = { $actor }, reply to this message with the reason for rejecting <b>#{ $id }</b>.
prompt-transfer_to = Transfer <b>#{ $id }</b> to which department?
prompt-transfer = { $actor }, reply to this message with the reason for passing <b>#{ $id }</b> to <b>{ $department }</b>.
prompt-need_info = { $actor }, reply to this message with your question to the requester of <b>#{ $id }</b>.
prompt-cancelled = Cancelled.
prompt-reason_empty = Please reply with a few words of text.
prompt-cancel = Cancel <b>#{ $id }</b>? Reply to this message with the reason, or press Skip to cancel without one.

## [press]
press-assigned = #{ $id } is assigned.
press-not_executor = Only the department's executors can be assigned #{ $id }.
press-same_person = #{ $id } is already with this person.
press-no_executors = The department has no executors to pick yet: list them as executors in the organisation file, or they join by pressing a card's button.
press-took = You took #{ $id }.
press-done = #{ $id } is on review by the requester.
press-released = #{ $id } is back in the queue.
press-ask_reason = Reply to my message with the reason.
press-accepted = Accepted.
press-reopened = Reopened.
press-rated = Thank you: { $score }/5.
press-not_found = This request does not exist.
press-not_allowed = This button is not for you.
press-not_assignee = Only the assignee ({ $name }) or a manager can do this.
press-wrong_state = Too late: #{ $id } is already { $status }.
press-wrong_state_by = Too late: { $actor } { $did } #{ $id } at { $time }.
press-same_department = #{ $id } is already in this department.
press-outdated = This button is outdated.
press-cancelled = #{ $id } is cancelled.
press-followed = You follow #{ $id } now: you will hear what its requester hears.
press-unfollowed = You no longer follow #{ $id }.
press-repeat = A new request like #{ $id }: keep or change each answer.

## [did]
did-assign = assigned
did-reassign = reassigned
did-take = took
did-release = released
did-need_info = asked about
did-answer = answered about
did-done = finished
did-accept = accepted
did-reopen = reopened
did-reject = rejected
did-transfer = transferred
did-cancel = cancelled
did-auto_close = closed
did-created = filed
did-follow = started following
did-unfollow = stopped following
did-repeat = repeated

## [my]
my-title = <b>Your requests</b>
my-line =
    <b>#{ $id }</b> · { $department } · { $type }
    {"   "}{ $status }{ $due } /show_{ $id }
my-page = <b>Your requests</b> ({ $first }–{ $last } of { $total })
my-due = {" "}· due { $due }
my-empty = You have no requests yet. /new files one.

## [queue]
queue-title = <b>{ $department }</b>: { $count } open
queue-line = <b>#{ $id }</b> { $type } · { $status } · { $assignee }{ $due } /show_{ $id }
queue-empty = <b>{ $department }</b>: no open requests. 🎉
queue-not_bound = This chat is not bound to a department yet. An admin can send /bind &lt;department&gt;.

## [bind]
bind-usage = Usage: <code>/bind &lt;department&gt;</code>. Departments: { $keys }
bind-unknown = There is no department «{ $key }». Departments: { $keys }
bind-not_admin = Only the organisation's admins can bind chats.
bind-done = ✅ This chat now receives the requests of <b>{ $department }</b>.
bind-done_topic = ✅ This topic now receives the requests of <b>{ $department }</b>.
bind-posted = 📋 Open requests of <b>{ $department }</b> posted here: { $count }.
bind-groups_only = Send /bind in the department's group.

## [group]
group-hello = Hello! I am <b>Baton</b>. An admin connects this group to a department with <code>/bind &lt;department&gt;</code> ({ $keys }). I need no admin rights.

## [relay]
relay-sent = ✉️ Passed on to { $department } (#{ $id }).
relay-sent_requester = ✉️ Passed on to the requester of #{ $id }.
relay-answered = ✉️ Your answer is with { $department }; the work on #{ $id } continues.
relay-closed = #{ $id } is { $status }, so I cannot pass this on. /new files a new request.
relay-too_late = Not passed on: #{ $id } has been { $status } for more than { $days } { $days ->
        [one] day
       *[other] days
    }, so its requester is no longer written to about it.
relay-not_allowed = Only the requester and the department can write about #{ $id }.

## [private]
private-fallback = To file a request send /new; /my shows your requests. To write about a request, reply to my message about it.

## [flood]
flood-dropped = You sent too much at once, so I could not take all of it. Wait a moment, then send your last messages again.
flood-dropped_press = Too many presses at once. Wait a moment, then press again.

## [error]
error-generic = Sorry, something went wrong on my side. What you entered is saved; please try again in a moment.

## [stats]
stats-reassigns = 👤 Reassigned: { $count }
stats-usage = Usage: <code>/stats [days] [department]</code>, for example <code>/stats 7 it</code>. Days: 1 to 3650.
stats-export_usage = Usage: <code>/export [days] [department]</code>, for example <code>/export 90 it</code>. Days: 1 to 3650.
stats-refused = Statistics are for the department's managers and the organisation's admins. If you should see them, ask an admin to add you to <code>managers</code>.
stats-refused_department = You do not manage «{ $department }». You can see: { $departments }.
stats-unknown_department = There is no department «{ $department }». Departments: { $departments }
stats-group_not_bound = This chat is not bound to a department, so there are no statistics to show here. Managers see theirs in a private chat with me: @{ $bot }.
stats-group_only = In this group I show only { $departments }. For other departments, send /stats in a private chat with me: @{ $bot }.
stats-export_private = The export lists everyone's requests, so I send it in a private chat only: open @{ $bot } and send /export there.
stats-title = 📊 <b>{ $department }</b> · last { $days ->
        [one] day
       *[other] { $days } days
    }
stats-volume = Created { $created } · taken { $taken } · done { $done } · cancelled { $cancelled }
stats-open = Open now: { $total } (🆕 { $new } · 🛠 { $in_progress } · ⏸ { $waiting } · 👀 { $on_review })
stats-take = ⏱ Time to take: median { $p50 } · 90% within { $p90 }
stats-finish = ⏱ Time to finish: median { $p50 } · 90% within { $p90 }
stats-no_times = —
stats-sla = ✅ SLA met: response { $response } · resolution { $resolve }
stats-sla_share = { $share } ({ $breached } breached)
stats-sla_none = no data
stats-stuck = 🐢 Stuck (no movement for { $stale }): { $count }
stats-transfers = ↔️ Transfers: in { $transfers_in } · out { $transfers_out }
stats-ratings = ⭐ Rating { $average } from { $count } { $count ->
        [one] rating
       *[other] ratings
    } · CSAT { $csat }
stats-no_ratings = ⭐ No ratings in this period
stats-executors = 👥 <b>Executors</b> (open · done · median to finish · rating):
stats-executor = • { $name }: { $open } · { $done } · { $median } · { $rating }
stats-no_rating = no rating
stats-flows_title = 🔀 <b>Who asks whom</b>, last { $days ->
        [one] day
       *[other] { $days } days
    }:
stats-flow = • { $source } → { $target }: { $count }
stats-unknown_source = other
stats-no_flows = No requests in this period.
stats-working_time = <i>Times are working time: { $hours } a working day.</i>
stats-chart_created = Created
stats-chart_done = Done
stats-chart_per_day = Requests per day
stats-chart_compliance = SLA met, % per week
stats-chart_response = Response
stats-chart_resolve = Resolution
stats-chart_no_data = No requests in this period
stats-chart_title = { $departments } · last { $days ->
        [one] day
       *[other] { $days } days
    }
stats-export_caption = 📎 Requests of { $departments } filed in the last { $days ->
        [one] day
       *[other] { $days } days
    }: { $count }.
stats-export_empty = No requests were filed in the last { $days ->
        [one] day
       *[other] { $days } days
    }.

## [units]
units-minutes = { $m }m
units-hours = { $h }h { $m }m
units-hours_only = { $h }h
units-days = { $d }d { $h }h

## [access]
access-refused = Sorry, filing requests here is open to { $org }'s staff only. If you work here, ask an admin to give you access.

## [show]
show-usage = Usage: <code>/show N</code>, for example <code>/show 12</code>.
show-not_found = There is no request #{ $id } that you can see.
show-department = Department: { $department }
show-take_by = Take by: { $due }{ $state }
show-done_by = Done by: { $due }{ $state }
show-needed_by = Needed by: { $date }{ $state }
show-left = {" "}· { $left } left
show-late = {" "}· ⚠️ { $late } late
show-met = {" "}· ✅ { $when }
show-missed = {" "}· ⚠️ { $when }, late
show-paused = {" "}· paused, { $left } left
show-days_left = {" "}· in { $count } { $count ->
        [one] day
       *[other] days
    }
show-today = {" "}· today
show-days_late = {" "}· ⚠️ { $count } { $count ->
        [one] day
       *[other] days
    } late
show-watchers = Watchers: { $watchers }
show-nobody = nobody
show-timeline = <b>Timeline</b>
show-earlier_messages = … { $count } earlier { $count ->
        [one] message
       *[other] messages
    } between the requester and the department { $count ->
        [one] is
       *[other] are
    } in the chats
show-event = { $at } · { $actor } { $did }{ $detail }
show-detail = : «{ $text }»
show-system = Baton
show-file = <b>#{ $id }</b> · { $label }

## [show.did]
show-did-created = filed it
show-did-take = took it
show-did-release = released it
show-did-need_info = asked
show-did-answer = answered
show-did-done = finished it
show-did-accept = accepted it
show-did-reopen = reopened it
show-did-reject = rejected it
show-did-transfer = passed it from { $from } to { $to }
show-did-cancel = cancelled it
show-did-auto_close = closed it (no answer in time)
show-did-assign = assigned it
show-did-reassign = gave it to someone else
show-did-follow = started following it
show-did-unfollow = stopped following it
show-did-repeat = filed it again
show-did-rated = rated it { $stars }
show-did-commented = commented
show-did-message = wrote

## [find]
find-usage = Usage: <code>/find words</code> — a request number, words of its answers or the requester's name.
find-title = <b>Found for «{ $query }»</b>
find-none = Nothing found for «{ $query }».
find-line = <b>#{ $id }</b> · { $type } · { $status } · { $requester } /show_{ $id }

## [picker]
picker-assign = Assign <b>#{ $id }</b> to whom? The number is each one's open requests here.
picker-reassign = Give <b>#{ $id }</b> to whom? The number is each one's open requests here.
picker-choice = { $name } · { $count } open
picker-away = { $name } · { $count } open · away

## [away]
away-usage =
    Usage: <code>/away DD.MM.YYYY-DD.MM.YYYY [@deputy or id]</code> (or one day, <code>/away DD.MM.YYYY</code>), for example <code>/away 01.12.2026-14.12.2026 @egor</code>.
    On the first day your open requests go to the deputy, or back to the queue without one; new requests are not assigned to you meanwhile. /back ends it.
away-bad_dates = I cannot read «{ $text }» as two dates.
away-end_before_start = The period ends before it starts.
away-past = That period has already ended.
away-unknown_deputy = I do not know «{ $deputy }»: the deputy must have written to me or pressed a button of mine first. You can also give their Telegram id.
away-self_deputy = You cannot be your own deputy.
away-deputy_elsewhere = { $deputy } does not work in your department: a deputy must be able to act on its cards.
away-not_executor = /away is for the departments' executors.
away-saved = 🌴 You are away from { $starts } to { $ends }.
away-to_deputy = On { $starts } your open requests go to { $deputy }.
away-to_queue = On { $starts } your open requests go back to the queue.
away-back = 👋 Welcome back: requests are assigned to you again.
away-not_away = You are not marked away.

## [button]
button-approve = ✅ Approve
button-decline = ⛔ Decline
button-question = ❓ Ask

## [status]
status-approval = ⏳ awaiting approval
status-declined = 🚫 declined

## [notice]
notice-approval_submitted = ⏳ Request <b>#{ $id }</b> «{ $type }» to <b>{ $department }</b> needs approval first. Approver: { $names }. You will hear when they decide.
notice-approval_question =
    ❓ <b>{ $actor }</b>, who approves your request <b>#{ $id }</b> «{ $type }», asks:
    { $text }

    <i>Reply to this message to answer.</i>
notice-approved = ✅ <b>{ $actor }</b> approved your request <b>#{ $id }</b> «{ $type }»; it is with <b>{ $department }</b> now.
notice-watch_approved = ✅ <b>{ $actor }</b> approved request <b>#{ $id }</b> «{ $type }»; it is with <b>{ $department }</b> now.
notice-declined =
    🚫 <b>{ $actor }</b> declined your request <b>#{ $id }</b> «{ $type }».
    Reason: { $text }
notice-watch_declined =
    🚫 <b>{ $actor }</b> declined request <b>#{ $id }</b> «{ $type }».
    Reason: { $text }
notice-approval_remind = ⏰ Request <b>#{ $id }</b> «{ $type }» ({ $department }) still waits for your decision: please Approve, Decline or Ask under my message about it.
notice-approval_escalated = ⚠️ Request <b>#{ $id }</b> «{ $type }» ({ $department }) has waited too long for approval: no answer from { $names }, even after a reminder.
notice-approver_unreachable = ⚠️ <b>{ $actor }</b> has to approve your request <b>#{ $id }</b> but cannot receive my messages (never started the bot or blocked it). Please ask them to open a chat with me and press /start.
notice-approver_unreachable_admin = ⚠️ <b>{ $actor }</b> has to approve request <b>#{ $id }</b> «{ $type }» ({ $department }) but cannot receive my messages (never started the bot or blocked it). Please ask them to open a chat with me and press /start; or the requester may cancel the request and send it again.

## [notice.rating_told]
notice-rating_told-rated = ⭐ { $actor } rated #{ $id } «{ $type }» { $stars }
notice-rating_told-rated_comment = ⭐ { $actor } rated #{ $id } «{ $type }» { $stars }: { $text }

## [notice.org_reload]
notice-org_reload-done = 🔄 The organisation file was reloaded ({ $source }): version { $version } runs now. New requests follow it; open requests keep their deadlines.
notice-org_reload-refused =
    ⚠️ The organisation file was not reloaded ({ $source }); version { $version } keeps running.
    <code>{ $error }</code>

## [prompt]
prompt-decline = { $actor }, reply to this message with the reason for declining <b>#{ $id }</b>.
prompt-ask = { $actor }, reply to this message with your question to the requester of <b>#{ $id }</b>.

## [press]
press-approved = #{ $id } is approved and goes to the department.

## [did]
did-approve = approved
did-decline = declined
did-question = asked about

## [relay]
relay-sent_approver = ✉️ Passed on to the approver of #{ $id }.

## [stats]
stats-approvals = ✋ Approvals asked: { $count } · declined { $declined } · median time to approve { $p50 }

## [stats.low_ratings]
stats-low_ratings-title = 👎 <b>Newest low ratings</b> (3 or less):
stats-low_ratings-line = • /show_{ $id } { $stars } { $rater }
stats-low_ratings-comment = • /show_{ $id } { $stars } { $rater }: «{ $comment }»

## [show.did]
show-did-approve = approved it
show-did-decline = declined it
show-did-question = asked the requester

## [weekly]
weekly-title = 📅 <b>{ $department }</b> · the week { $first }–{ $last }
weekly-columns = <i>this week · the week before</i>
weekly-created = Created: { $this } · { $before }
weekly-done = Done: { $this } · { $before }
weekly-sla_response = ✅ Response SLA met: { $this } · { $before }
weekly-sla_resolve = ✅ Resolution SLA met: { $this } · { $before }
weekly-csat = ⭐ CSAT: { $this } · { $before }
weekly-csat_value = { $csat } from { $count } { $count ->
        [one] rating
       *[other] ratings
    }
weekly-take = ⏱ Median time to take: { $this } · { $before }
weekly-finish = ⏱ Median time to finish: { $this } · { $before }
weekly-none = —
weekly-breached = 🚨 <b>Breached now</b>: { $count }
weekly-breached_line = • /show_{ $id } { $type } · { $status } · was due { $due }
weekly-stuck = 🐢 <b>Stuck</b> (no movement for { $stale }): { $count }
weekly-stuck_line = • /show_{ $id } { $type } · { $status } · last movement { $at }
weekly-load = 👥 <b>Open load</b>:
weekly-load_line = • { $name }: { $count }
weekly-no_load = • nobody has open requests
weekly-lowest = 👎 <b>Lowest ratings</b> of the week:
weekly-rating_line = • /show_{ $id } { $stars } { $rater }
weekly-rating_comment = • /show_{ $id } { $stars } { $rater }: «{ $comment }»
weekly-no_ratings = • no ratings this week
weekly-chart_title = { $department } · { $first }–{ $last }

## [approval]
approval-title = ⏳ <b>#{ $id }</b> · { $type } — approval needed
approval-waiting = Approve it, decline it (with a reason) or ask the requester a question.
approval-approved_by = ✅ Approved by <b>{ $actor }</b> at { $when }.
approval-declined_by = 🚫 Declined by <b>{ $actor }</b> at { $when }.
approval-show_approvers = Approvers: { $names }

## [review fixes: approvals]
notice-cancelled_approval = ✖ You cancelled <b>#{ $id }</b> «{ $type }» while it awaited approval.
notice-cancelled_approval_reason =
    ✖ You cancelled <b>#{ $id }</b> «{ $type }» while it awaited approval.
    Reason: { $text }
approval-cancelled_by = ✖ Cancelled by <b>{ $actor }</b> at { $when }.
press-ask_question = Reply to my message with your question.
relay-question_sent = ✉️ Your question about #{ $id } went to the requester; their answer will come here.
notice-relay_from_requester =
    💬 <b>#{ $id }</b> · { $author } (requester):
    { $text }

    <i>Reply to this message to answer.</i>
notice-relay_from_approver =
    💬 <b>#{ $id }</b> · { $author } (approver):
    { $text }

    <i>Reply to this message to answer.</i>
notice-relay_caption_from_requester = 💬 #{ $id } · { $author } (requester)
notice-relay_caption_from_approver = 💬 #{ $id } · { $author } (approver)
