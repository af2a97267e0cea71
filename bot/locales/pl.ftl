## [start]
start-greeting =
    Dzień dobry, { $name }! Jestem <b>Baton</b> — obsługuję zgłoszenia w { $org }.

    Napisz, czego potrzebujesz od innego działu: zadam kilka krótkich pytań, przekażę zgłoszenie właściwemu zespołowi, przypilnuję terminu i dam znać, jak idzie.

    /new — nowe zgłoszenie
    /my — Twoje zgłoszenia
    /help — wszystkie polecenia

## [help]
help-private =
    <b>Co potrafię</b>
    /new — nowe zgłoszenie do działu
    /my — Twoje zgłoszenia, ich statusy i terminy (najpierw otwarte, po 10)
    /show N — wszystko o zgłoszeniu #N: odpowiedzi, terminy, historia (albo dotknij /show_N na liście)
    /find TEKST — szukaj zgłoszeń po numerze, słowach z odpowiedzi lub nazwisku zgłaszającego
    /cancel — porzuć wypełniany formularz
    /help — ta lista
    /away DD.MM.RRRR-DD.MM.RRRR [@zastępca] — (wykonawcy) nieobecność: Twoje zgłoszenia trafią do zastępcy albo z powrotem do kolejki
    /back — powrót po nieobecności

    Aby napisać do osób pracujących nad Twoim zgłoszeniem, <b>odpowiedz</b> na moją wiadomość o nim.
help-group =
    <b>Baton w tej grupie</b>
    /queue — otwarte zgłoszenia działu, najpierw te z najbliższym terminem
    /show N — wszystko o zgłoszeniu działu #N
    /find TEKST — szukaj zgłoszeń działu po numerze, słowach lub zgłaszającym
    /bind &lt;dział&gt; — (administratorzy) kieruj zgłoszenia działu do tej grupy
    Przyciski na karcie zgłoszenia pozwalają je przejąć, zakończyć, odrzucić lub przekazać dalej. Aby napisać do zgłaszającego, odpowiedz na kartę.
    Kierownicy: <b>Przypisz</b> / <b>Zmień osobę</b> na karcie pokazuje wykonawców, którym można je powierzyć.

## [commands]
commands-away = Nieobecność przez kilka dni (wykonawcy)
commands-back = Powrót po nieobecności
commands-start = Start i powitanie
commands-new = Nowe zgłoszenie
commands-my = Moje zgłoszenia
commands-cancel = Porzuć formularz
commands-help = Co potrafi bot
commands-queue = Otwarte zgłoszenia działu
commands-show = Pokaż zgłoszenie: /show N
commands-find = Szukaj zgłoszeń po słowach lub numerze
commands-bind = Połącz czat z działem (administratorzy)
commands-stats = Statystyki (kierownicy)
commands-export = Eksport zgłoszeń do CSV (kierownicy)

## [form]
form-choose_department = <b>Nowe zgłoszenie.</b> Do którego działu?
form-choose_type = <b>{ $department }</b>: jakiego rodzaju zgłoszenie?
form-question = <b>{ $number }/{ $total }. { $label }</b>
form-hint_text = Wpisz odpowiedź (maksymalnie { $limit } { $limit ->
        [one] znak
        [few] znaki
       *[other] znaków
    }).
form-hint_number = Podaj liczbę.
form-hint_number_range = Podaj liczbę od { $min } do { $max }.
form-hint_number_min = Podaj liczbę nie mniejszą niż { $min }.
form-hint_number_max = Podaj liczbę nie większą niż { $max }.
form-hint_date = Podaj datę: DD.MM.RRRR lub RRRR-MM-DD.
form-hint_choice = Wybierz jeden z przycisków.
form-hint_file = Wyślij zdjęcie lub dokument.
form-hint_optional = <i>Opcjonalne: jeśli nie dotyczy, naciśnij „Pomiń”.</i>
form-priority = <b>Jak pilna to sprawa?</b> Pilne zgłoszenia mają krótsze terminy.
form-summary =
    <b>Sprawdź, proszę, zgłoszenie</b>

    <b>{ $department } · { $type }</b>
    { $answers }
    { $priority_line }
    Wysłać?
form-priority_line = Priorytet: { $priority }
form-answer_line = <b>{ $label }:</b> { $value }
form-skipped = —
form-submitted =
    ✅ Zgłoszenie <b>#{ $id }</b> trafiło do działu <b>{ $department }</b>.
    Reakcja do { $response_due }, realizacja do { $resolve_due }.{ $needed_by }
    Dam znać, gdy ktoś je przejmie. Aby napisać do wykonawców, odpowiadaj na moje wiadomości o #{ $id }.
form-submitted_needed_by = {"\u000A"}Potrzebujesz tego na { $date }.
form-submitted_unbound = {"\u000A"}<i>Dział { $department } nie połączył jeszcze swojego czatu; administratorzy już wiedzą, a zgłoszenie bezpiecznie czeka.</i>
form-cancelled = Formularz porzucony, nic nie zostało wysłane. /new zaczyna od nowa.
form-nothing_to_cancel = Nie ma czego anulować. /new tworzy zgłoszenie.
form-resumed = Masz niedokończone zgłoszenie — kontynuujmy od miejsca, w którym przerwano. /cancel je porzuca.
form-broken = Podczas wypełniania formularza zmieniły się ustawienia organizacji. Zacznij, proszę, od nowa: /new.
form-stale = Ten przycisk należy do wcześniejszego kroku.
form-changed = W ustawieniach organizacji do tego formularza doszło pytanie: odpowiedz na nie, a potem wyślij.
form-already_submitted = To zgłoszenie zostało już wysłane.
form-private_only = Zgłoszenia tworzy się na prywatnym czacie ze mną: otwórz @{ $bot } i wyślij /new.
form-error_wrap = ⚠️ { $error }
form-watchers =
    👥 <b>Czy ktoś ma być na bieżąco?</b>
    Te osoby dostaną te same wiadomości co Ty (przejęcie, pytania, zakończenie) i będą mogły na nie odpowiadać; najwyżej { $max } { $max ->
        [one] osoba
        [few] osoby
       *[other] osób
    }. Naciśnij „{ $button }” poniżej albo „Pomiń”.
form-watchers_summary = 👥 Na bieżąco: { $names }
form-repeat_of = 🔂 Nowe zgłoszenie na wzór <b>#{ $id }</b>: naciśnij „Zostaw”, aby użyć wcześniejszej odpowiedzi, albo podaj nową.
form-keep_hint = <i>Wcześniej: { $value }</i>

## [form.error]
form-error-use_picker = Naciśnij „👥 Wybierz osoby” albo „Pomiń” poniżej.
form-error-text_expected = Potrzebuję tu tekstu, a nie naklejki, wiadomości głosowej czy pliku.
form-error-empty = Odpowiedź jest pusta. Wpisz ją, proszę.
form-error-too_long = To { $length } { $length ->
        [one] znak
        [few] znaki
       *[other] znaków
    }, a limit wynosi { $limit }. Skróć, proszę, odpowiedź.
form-error-not_number = To nie wygląda na liczbę. Na przykład: 1500 albo 12,5
form-error-number_min = Liczba musi wynosić co najmniej { $min }.
form-error-number_max = Liczba może wynosić najwyżej { $max }.
form-error-bad_date = Nie mogę odczytać tej daty. Wpisz ją jako DD.MM.RRRR, na przykład 31.12.2026.
form-error-past_date = Ta data już minęła. Podaj dzisiejszą lub późniejszą.
form-error-choose_option = Wybierz jeden z przycisków.
form-error-file_expected = Wyślij zdjęcie lub dokument.
form-error-cannot_skip = Tego pytania nie można pominąć.
form-error-use_buttons = Naciśnij „Wyślij” albo „Anuluj” poniżej.

## [button]
button-assign = 👤 Przypisz
button-reassign = 👤 Zmień osobę
button-skip = Pomiń
button-back = « Wstecz
button-submit = ✅ Wyślij
button-cancel = ✖ Anuluj zgłoszenie
button-normal = Zwykłe
button-urgent = 🔥 Pilne
button-take = 🙋 Przejmij
button-reject = ⛔ Odrzuć
button-transfer = ➡️ Przekaż
button-done = ✅ Gotowe
button-need_info = ❓ Dopytaj
button-release = ↩️ Do kolejki
button-accept = 👍 Akceptuj
button-reopen = 🔁 Do poprawy
button-drop = ✖ Anuluj
button-older = Starsze »
button-newer = « Nowsze
button-cancel_form = ✖ Anuluj
button-follow = 🔔 Obserwuj
button-unfollow = 🔕 Przestań obserwować
button-repeat = 🔂 Powtórz
button-keep = Zostaw „{ $value }”
button-pick_people = 👥 Wybierz osoby

## [status]
status-new = 🆕 nowe
status-in_progress = 🛠 w realizacji
status-waiting = ⏸ czeka na zgłaszającego
status-on_review = 👀 do sprawdzenia
status-closed = ✅ zamknięte
status-rejected = ⛔ odrzucone
status-cancelled = ✖ anulowane

## [priority]
priority-normal = zwykły
priority-urgent = 🔥 pilny

## [card]
card-title = <b>#{ $id }</b> · { $type }
card-requester = Zgłasza: { $requester }
card-status = Status: <b>{ $status }</b>
card-assignee = Wykonawca: { $assignee }
card-nobody = jeszcze nikt
card-priority = Priorytet: { $priority }
card-response_due = Przejąć do: { $due }
card-resolve_due = Zakończyć do: { $due }
card-needed_by = Potrzebne na: { $date }
card-paused = Zakończyć do: termin wstrzymany na czas oczekiwania (zostało { $left })
card-overdue = ⚠️ po terminie
card-transferred =
    <b>#{ $id }</b> · { $type }
    ➡️ Przekazane do działu <b>{ $department }</b>.
card-moved =
    <b>#{ $id }</b> · { $type }
    ➡️ Przeniesione do nowego czatu działu <b>{ $department }</b>: praca trwa tam.
card-cut = … [skrócono, brakuje { $count } { $count ->
        [one] znaku
       *[other] znaków
    }]
card-file = 📎 { $name }
card-rating = Ocena: { $stars }
card-comment = Komentarz: „{ $comment }”

## [notice]
notice-assigned = 📌 <b>{ $actor }</b> powierza Ci zgłoszenie <b>#{ $id }</b> „{ $type }” ({ $department }).
notice-assigned_auto = 📌 Zgłoszenie <b>#{ $id }</b> „{ $type }” ({ $department }) jest przypisane do Ciebie.
notice-unassigned = ↪️ <b>{ $actor }</b> powierza zgłoszenie <b>#{ $id }</b> „{ $type }” komuś innemu; już nad nim nie pracujesz.
notice-handed_over = 📌 Zgłoszenie <b>#{ $id }</b> „{ $type }” ({ $department }) jest Twoje na czas nieobecności: <b>{ $actor }</b>.
notice-back_to_queue = ↩️ Zgłoszenie <b>#{ $id }</b> „{ $type }” wraca do kolejki z powodu nieobecności: <b>{ $actor }</b>.
notice-watch_added = 👥 <b>{ $actor }</b> dodaje Cię do osób na bieżąco ze zgłoszeniem <b>#{ $id }</b> „{ $type }” do działu { $department }: dowiesz się, gdy ktoś je przejmie, o pytaniach i o zakończeniu, i możesz odpowiadać na te wiadomości.
notice-taken = 🙋 Twoim zgłoszeniem <b>#{ $id }</b> „{ $type }” zajmuje się <b>{ $actor }</b> ({ $department }).
notice-released = ↩️ Twoje zgłoszenie <b>#{ $id }</b> wróciło do kolejki działu { $department }.
notice-question =
    ❓ <b>{ $actor }</b> ({ $department }) ma pytanie do zgłoszenia <b>#{ $id }</b>:

    { $text }

    <i>Aby odpowiedzieć, wybierz „Odpowiedz” przy tej wiadomości.</i>
notice-done =
    ✅ Dział { $department } zakończył pracę nad <b>#{ $id }</b> „{ $type }”.
    Sprawdź wynik: zaakceptuj go albo odeślij do poprawy, i oceń pracę w skali od 1 do 5.
notice-rejected =
    ⛔ Dział { $department } odrzucił zgłoszenie <b>#{ $id }</b> „{ $type }”.
    Powód: { $text }
notice-transferred =
    ➡️ Twoje zgłoszenie <b>#{ $id }</b> przekazano do działu <b>{ $department }</b>.
    Powód: { $text }
notice-reopened = 🔁 Zgłoszenie <b>#{ $id }</b> wróciło do poprawy (<b>{ $actor }</b>): praca nie jest jeszcze zaakceptowana.
notice-accepted = 👍 Praca nad <b>#{ $id }</b> zaakceptowana (<b>{ $actor }</b>).
notice-group_cancelled = ✖ Zgłoszenie <b>#{ $id }</b> anulowane (<b>{ $actor }</b>): nic więcej nie trzeba robić.
notice-group_cancelled_reason =
    ✖ Zgłoszenie <b>#{ $id }</b> anulowane (<b>{ $actor }</b>): nic więcej nie trzeba robić.
    Powód: { $text }
notice-relay_to_group =
    💬 <b>#{ $id }</b> · { $author } (zgłaszający):
    { $text }
notice-relay_to_requester =
    💬 <b>#{ $id }</b> · { $author }, { $department }:
    { $text }

    <i>Aby odpowiedzieć, wybierz „Odpowiedz” przy tej wiadomości.</i>
notice-relay_caption_group = 💬 #{ $id } · { $author } (zgłaszający)
notice-relay_caption_requester = 💬 #{ $id } · { $author }, { $department }
notice-unbound = 📭 Zgłoszenie <b>#{ $id }</b> do działu <b>{ $department }</b> czeka: dział nie ma połączonego czatu. Wyślij <code>/bind { $key }</code> w grupie działu.
notice-delayed = ⏳ Twoje zgłoszenie <b>#{ $id }</b> jest zapisane, ale czat działu { $department } jest teraz nieosiągalny. Ponawiam próby i na pewno je dostarczę.
notice-unreachable = ⚠️ Nie mogę pisać na czacie działu <b>{ $department }</b> ({ $error }). Dodaj mnie ponownie do grupy działu i wyślij tam <code>/bind { $key }</code>.
notice-requester_unreachable = ⚠️ <b>{ $actor }</b> nie odbiera moich wiadomości (bot zablokowany albo nigdy nieuruchomiony), więc nie zobaczy nowości w <b>#{ $id }</b>. Skontaktuj się, proszę, bezpośrednio.
notice-assignee_unreachable = ⚠️ Zgłoszenie <b>#{ $id }</b> powierzono: <b>{ $actor }</b>, ale ta osoba nie odbiera moich wiadomości (bot zablokowany albo nigdy nieuruchomiony). Daj jej znać i poproś, by otworzyła czat ze mną i nacisnęła /start.
notice-chat_unreachable = ⚠️ Twoje zgłoszenie <b>#{ $id }</b> jest zapisane, ale nie mogę go opublikować na czacie działu { $department }. Administratorzy wiedzą; zgłoszenie dotrze, gdy tylko czat zostanie naprawiony.
notice-bound_requests = 📬 { $count ->
        [one] { $count } oczekujące zgłoszenie działu { $department } jest teraz opublikowane tutaj.
        [few] { $count } oczekujące zgłoszenia działu { $department } są teraz opublikowane tutaj.
       *[other] { $count } oczekujących zgłoszeń działu { $department } jest teraz opublikowanych tutaj.
    }
notice-relay_refused = ⚠️ { $actor }, Telegram nie przepuścił tej wiadomości do <b>#{ $id }</b> ({ $error }). Wyślij ją, proszę, jeszcze raz jako tekst, zdjęcie lub dokument.
notice-files_refused = ⚠️ Dział otrzymał <b>#{ $id }</b>, ale Telegram nie pozwolił dołączyć tych plików: { $files }. Wyślij je, proszę, jeszcze raz w odpowiedzi na tę wiadomość.
notice-card_refused = ⚠️ Telegram odrzucił kartę <b>#{ $id }</b> dla działu { $department } ({ $error }), więc wykonawcy jej nie widzą. Zgłoszenie jest zapisane; powiadom, proszę, programistów.
notice-relay_slow_down = ⏳ Wiele Twoich wiadomości o <b>#{ $id }</b> jest jeszcze w drodze do działu { $department }: czat przyjmuje tylko określoną liczbę wiadomości na minutę. Dotrą wszystkie, po kolei; teksty zostaną połączone w jedną wiadomość.
notice-rate_ask = ⭐ Jak dział { $department } poradził sobie z <b>#{ $id }</b> „{ $type }”? Oceń w skali od 1 do 5.
notice-rate_remind = ⭐ Przypomnienie: oceń, proszę, <b>#{ $id }</b> „{ $type }” w skali od 1 do 5. Wystarczy jedno dotknięcie.
notice-auto_closed = ✅ Zgłoszenie <b>#{ $id }</b> „{ $type }” zamknięto automatycznie: czekało na sprawdzenie bez odpowiedzi.
notice-digest_group = ⏰ <b>Terminy</b>
notice-digest_private = ⏰ <b>Twoje zgłoszenia</b>
notice-digest_escalate = 🚨 <b>Eskalacja</b>: przekroczone terminy
notice-digest_stuck = 🐢 <b>Utknięte zgłoszenia</b>: bez zmian od ponad { $stale }
notice-digest_mention = { $person }, nie mogę napisać do Ciebie prywatnie. Otwórz, proszę, czat ze mną i naciśnij /start. Tymczasem:
notice-cancelled = ✖ Anulowano Twoje zgłoszenie <b>#{ $id }</b> „{ $type }”. Dział { $department } został powiadomiony.
notice-cancelled_reason =
    ✖ Anulowano Twoje zgłoszenie <b>#{ $id }</b> „{ $type }”. Dział { $department } został powiadomiony.
    Powód: { $text }
notice-assignee_cancelled = ✖ Zgłoszenie <b>#{ $id }</b> „{ $type }”, nad którym pracujesz, zostało anulowane (<b>{ $actor }</b>). Nic więcej nie trzeba robić.
notice-assignee_cancelled_reason =
    ✖ Zgłoszenie <b>#{ $id }</b> „{ $type }”, nad którym pracujesz, zostało anulowane (<b>{ $actor }</b>). Nic więcej nie trzeba robić.
    Powód: { $text }
notice-watch_taken = 👥 Obserwowanym zgłoszeniem <b>#{ $id }</b> „{ $type }” zajmuje się <b>{ $actor }</b> ({ $department }).
notice-watch_released = 👥 Obserwowane zgłoszenie <b>#{ $id }</b> „{ $type }” wróciło do kolejki działu { $department }.
notice-watch_question =
    👥 <b>{ $actor }</b> ({ $department }) ma pytanie do obserwowanego zgłoszenia <b>#{ $id }</b> „{ $type }”:

    { $text }

    <i>Aby odpowiedzieć, wybierz „Odpowiedz” przy tej wiadomości.</i>
notice-watch_done = 👥 Dział { $department } zakończył pracę nad obserwowanym zgłoszeniem <b>#{ $id }</b> „{ $type }”; teraz sprawdza je zgłaszający.
notice-watch_rejected =
    👥 Dział { $department } odrzucił obserwowane zgłoszenie <b>#{ $id }</b> „{ $type }”.
    Powód: { $text }
notice-watch_transferred =
    👥 Obserwowane zgłoszenie <b>#{ $id }</b> „{ $type }” przekazano do działu <b>{ $department }</b>.
    Powód: { $text }
notice-watch_cancelled = 👥 Obserwowane zgłoszenie <b>#{ $id }</b> „{ $type }” zostało anulowane (<b>{ $actor }</b>).
notice-watch_cancelled_reason =
    👥 Obserwowane zgłoszenie <b>#{ $id }</b> „{ $type }” zostało anulowane (<b>{ $actor }</b>).
    Powód: { $text }
notice-watcher_unreachable = ⚠️ <b>{ $actor }</b> nie odbiera moich wiadomości o <b>#{ $id }</b> (bot nigdy nieuruchomiony albo zablokowany). Poproś tę osobę, by otworzyła czat ze mną i nacisnęła /start.
notice-relay_to_group_watcher =
    💬 <b>#{ $id }</b> · { $author } (na bieżąco):
    { $text }
notice-relay_caption_group_watcher = 💬 #{ $id } · { $author } (na bieżąco)

## [line]
line-remind_response = ⏰ <b>#{ $id }</b> { $type }: nikt jeszcze nie przejął; przejąć do { $due }
line-remind_resolve = ⏰ <b>#{ $id }</b> { $type }: zakończyć do { $due }
line-breach_response = 🔥 <b>#{ $id }</b> { $type }: nieprzejęte na czas (termin { $due })
line-breach_resolve = 🔥 <b>#{ $id }</b> { $type }: po terminie od { $due }
line-escalate_response = 🚨 <b>#{ $id }</b> { $type } ({ $department }): nieprzejęte na czas (termin { $due })
line-escalate_resolve = 🚨 <b>#{ $id }</b> { $type } ({ $department }): niezakończone na czas (termin { $due })
line-stuck = 🐢 <b>#{ $id }</b> { $type }: { $status }, bez zmian od { $due }
line-needed_by = {" "}· potrzebne na { $date }, przed terminem

## [list]
list-part = {" "}({ $part }/{ $parts })
list-more = <i>… i { $count } { $count ->
        [one] kolejne
        [few] kolejne
       *[other] kolejnych
    }</i>

## [review]
review-accepted = ✅ Zaakceptowano <b>#{ $id }</b>; zgłoszenie jest zamknięte. Dziękujemy!
review-accepted_rate = ✅ Zaakceptowano <b>#{ $id }</b>; zgłoszenie jest zamknięte. Jak oceniasz wykonaną pracę?
review-rated = ⭐ Twoja ocena <b>#{ $id }</b>: { $stars }. Chcesz dodać komentarz? Odpowiedz na tę wiadomość w ciągu { $minutes } { $minutes ->
        [one] minuty
       *[other] minut
    }.
review-rated_done = Twoja ocena <b>#{ $id }</b>: { $stars }.
review-comment_saved = Dziękujemy, komentarz do <b>#{ $id }</b> został zapisany.
review-reopened = 🔁 Odesłano <b>#{ $id }</b> do poprawy; dział { $department } kontynuuje pracę.
review-closed_note = <i>Zaakceptuj wynik albo odeślij do poprawy; Twoja ocena jest zapisana.</i>

## [prompt]
prompt-reject = { $actor }, odpowiedz na tę wiadomość, podając powód odrzucenia <b>#{ $id }</b>.
prompt-transfer_to = Do którego działu przekazać <b>#{ $id }</b>?
prompt-transfer = { $actor }, odpowiedz na tę wiadomość, podając powód przekazania <b>#{ $id }</b> do działu <b>{ $department }</b>.
prompt-need_info = { $actor }, odpowiedz na tę wiadomość, wpisując pytanie do zgłaszającego <b>#{ $id }</b>.
prompt-cancelled = Anulowano.
prompt-reason_empty = Odpowiedz, proszę, choć kilkoma słowami.
prompt-cancel = Anulować <b>#{ $id }</b>? Odpowiedz na tę wiadomość, podając powód, albo naciśnij „Pomiń”, aby anulować bez podawania powodu.

## [press]
press-assigned = Zgłoszenie #{ $id } zostało przypisane.
press-not_executor = Zgłoszenie #{ $id } można przypisać tylko wykonawcom działu.
press-same_person = Zgłoszenie #{ $id } jest już u tej osoby.
press-no_executors = Dział nie ma jeszcze wykonawców do wyboru: wpisz ich w executors w pliku organizacji albo dołączą sami, naciskając przycisk na karcie.
press-took = Przejmujesz #{ $id }.
press-done = #{ $id } czeka na sprawdzenie przez zgłaszającego.
press-released = #{ $id } wróciło do kolejki.
press-ask_reason = Odpowiedz na moją wiadomość, podając powód.
press-accepted = Zaakceptowano.
press-reopened = Odesłano do poprawy.
press-rated = Dziękujemy: { $score }/5.
press-not_found = Takie zgłoszenie nie istnieje.
press-not_allowed = Ten przycisk nie jest dla Ciebie.
press-not_assignee = Może to zrobić tylko wykonawca ({ $name }) lub kierownik.
press-wrong_state = Za późno: #{ $id } ma już status „{ $status }”.
press-wrong_state_by = Za późno: #{ $id } — { $did } ({ $actor }, { $time }).
press-same_department = #{ $id } jest już w tym dziale.
press-outdated = Ten przycisk jest nieaktualny.
press-cancelled = #{ $id } anulowano.
press-followed = Obserwujesz #{ $id }: dostaniesz te same wiadomości co zgłaszający.
press-unfollowed = Nie obserwujesz już #{ $id }.
press-repeat = Nowe zgłoszenie na wzór #{ $id }: zostaw lub zmień każdą odpowiedź.

## [did]
did-assign = już przypisane
did-reassign = już przekazane innej osobie
did-take = już przejęte
did-release = już zwrócone do kolejki
did-need_info = już z pytaniem do zgłaszającego
did-answer = już z odpowiedzią
did-done = już zakończone
did-accept = już zaakceptowane
did-reopen = już odesłane do poprawy
did-reject = już odrzucone
did-transfer = już przekazane do innego działu
did-cancel = już anulowane
did-auto_close = już zamknięte
did-created = już utworzone
did-follow = już obserwowane
did-unfollow = już bez obserwacji
did-repeat = już powtórzone

## [my]
my-title = <b>Twoje zgłoszenia</b>
my-line =
    <b>#{ $id }</b> · { $department } · { $type }
    {"   "}{ $status }{ $due } /show_{ $id }
my-page = <b>Twoje zgłoszenia</b> ({ $first }–{ $last } z { $total })
my-due = {" "}· termin { $due }
my-empty = Nie masz jeszcze zgłoszeń. /new tworzy nowe.

## [queue]
queue-title = <b>{ $department }</b>: { $count } { $count ->
        [one] otwarte
        [few] otwarte
       *[other] otwartych
    }
queue-line = <b>#{ $id }</b> { $type } · { $status } · { $assignee }{ $due } /show_{ $id }
queue-empty = <b>{ $department }</b>: brak otwartych zgłoszeń. 🎉
queue-not_bound = Ten czat nie jest jeszcze połączony z działem. Administrator może wysłać /bind &lt;dział&gt;.

## [bind]
bind-usage = Użycie: <code>/bind &lt;dział&gt;</code>. Działy: { $keys }
bind-unknown = Nie ma działu „{ $key }”. Działy: { $keys }
bind-not_admin = Tylko administratorzy organizacji mogą łączyć czaty.
bind-done = ✅ Ten czat otrzymuje teraz zgłoszenia działu <b>{ $department }</b>.
bind-done_topic = ✅ Ten wątek otrzymuje teraz zgłoszenia działu <b>{ $department }</b>.
bind-posted = 📋 Opublikowane tutaj otwarte zgłoszenia działu <b>{ $department }</b>: { $count }.
bind-groups_only = Wyślij /bind w grupie działu.

## [group]
group-hello = Cześć! Jestem <b>Baton</b>. Administrator łączy tę grupę z działem poleceniem <code>/bind &lt;dział&gt;</code> ({ $keys }). Nie potrzebuję uprawnień administratora.

## [relay]
relay-sent = ✉️ Przekazano do działu { $department } (#{ $id }).
relay-sent_requester = ✉️ Przekazano zgłaszającemu #{ $id }.
relay-answered = ✉️ Twoja odpowiedź trafiła do działu { $department }; praca nad #{ $id } trwa dalej.
relay-closed = #{ $id } ma status „{ $status }”, więc nie mogę tego przekazać. /new tworzy nowe zgłoszenie.
relay-too_late = Nie przekazano: #{ $id } ma status „{ $status }” od ponad { $days } { $days ->
        [one] dnia
       *[other] dni
    }, więc nie piszemy już o nim do zgłaszającego.
relay-not_allowed = O #{ $id } mogą pisać tylko zgłaszający i dział.

## [private]
private-fallback = Aby utworzyć zgłoszenie, wyślij /new; /my pokazuje Twoje zgłoszenia. Aby napisać w sprawie zgłoszenia, odpowiedz na moją wiadomość o nim.

## [flood]
flood-dropped = Wysłano za dużo naraz, więc nie przyjąłem wszystkiego. Odczekaj chwilę i wyślij ostatnie wiadomości jeszcze raz.
flood-dropped_press = Za dużo naciśnięć naraz. Odczekaj chwilę i naciśnij ponownie.

## [error]
error-generic = Przepraszam, coś poszło nie tak po mojej stronie. To, co wpisano, jest zapisane; spróbuj ponownie za chwilę.

## [stats]
stats-reassigns = 👤 Zmiany wykonawcy: { $count }
stats-usage = Użycie: <code>/stats [dni] [dział]</code>, na przykład <code>/stats 7 it</code>. Dni: od 1 do 3650.
stats-export_usage = Użycie: <code>/export [dni] [dział]</code>, na przykład <code>/export 90 it</code>. Dni: od 1 do 3650.
stats-refused = Statystyki są dla kierowników działów i administratorów organizacji. Jeśli potrzebujesz do nich dostępu, poproś administratora o dopisanie do <code>managers</code>.
stats-refused_department = Nie kierujesz działem „{ $department }”. Możesz zobaczyć: { $departments }.
stats-unknown_department = Nie ma działu „{ $department }”. Działy: { $departments }
stats-group_not_bound = Ten czat nie jest połączony z działem, więc nie ma tu statystyk. Kierownicy widzą swoje na prywatnym czacie ze mną: @{ $bot }.
stats-group_only = W tej grupie pokazuję tylko: { $departments }. Statystyki innych działów: wyślij /stats na prywatnym czacie ze mną: @{ $bot }.
stats-export_private = Eksport zawiera zgłoszenia wszystkich osób, więc wysyłam go tylko na czacie prywatnym: otwórz @{ $bot } i wyślij tam /export.
stats-title = 📊 <b>{ $department }</b> · { $days ->
        [one] ostatni dzień
       *[other] ostatnie { $days } dni
    }
stats-volume = Utworzone { $created } · przejęte { $taken } · zakończone { $done } · anulowane { $cancelled }
stats-open = Otwarte teraz: { $total } (🆕 { $new } · 🛠 { $in_progress } · ⏸ { $waiting } · 👀 { $on_review })
stats-take = ⏱ Czas do przejęcia: mediana { $p50 } · 90% w ciągu { $p90 }
stats-finish = ⏱ Czas realizacji: mediana { $p50 } · 90% w ciągu { $p90 }
stats-no_times = —
stats-sla = ✅ SLA dotrzymane: reakcja { $response } · realizacja { $resolve }
stats-sla_share = { $share } (przekroczone: { $breached })
stats-sla_none = brak danych
stats-stuck = 🐢 Utknięte (bez zmian od ponad { $stale }): { $count }
stats-transfers = ↔️ Przekazania: przyjęte { $transfers_in } · wysłane { $transfers_out }
stats-ratings = ⭐ Ocena { $average } z { $count } { $count ->
        [one] oceny
       *[other] ocen
    } · CSAT { $csat }
stats-no_ratings = ⭐ Brak ocen w tym okresie
stats-executors = 👥 <b>Wykonawcy</b> (otwarte · zakończone · mediana realizacji · ocena):
stats-executor = • { $name }: { $open } · { $done } · { $median } · { $rating }
stats-no_rating = bez oceny
stats-flows_title = 🔀 <b>Kto do kogo się zwraca</b>, { $days ->
        [one] ostatni dzień
       *[other] ostatnie { $days } dni
    }:
stats-flow = • { $source } → { $target }: { $count }
stats-unknown_source = inne
stats-no_flows = Brak zgłoszeń w tym okresie.
stats-working_time = <i>Czas liczony w godzinach pracy: { $hours } na dzień roboczy.</i>
stats-chart_created = Utworzone
stats-chart_done = Zakończone
stats-chart_per_day = Zgłoszenia dziennie
stats-chart_compliance = SLA dotrzymane, % tygodniowo
stats-chart_response = Reakcja
stats-chart_resolve = Realizacja
stats-chart_no_data = Brak zgłoszeń w tym okresie
stats-chart_title = { $departments } · { $days ->
        [one] ostatni dzień
       *[other] ostatnie { $days } dni
    }
stats-export_caption = 📎 Zgłoszenia ({ $departments }) z { $days ->
        [one] ostatniego dnia
       *[other] ostatnich { $days } dni
    }: { $count }.
stats-export_empty = W { $days ->
        [one] ostatnim dniu
       *[other] ciągu ostatnich { $days } dni
    } nie było zgłoszeń.

## [units]
units-minutes = { $m } min
units-hours = { $h } godz. { $m } min
units-hours_only = { $h } godz.
units-days = { $d } d. { $h } godz.

## [access]
access-refused = Niestety, zgłoszenia mogą tu składać tylko pracownicy { $org }. Jeśli tu pracujesz, poproś administratora o dostęp.

## [show]
show-usage = Użycie: <code>/show N</code>, na przykład <code>/show 12</code>.
show-not_found = Nie ma zgłoszenia #{ $id }, które możesz zobaczyć.
show-department = Dział: { $department }
show-take_by = Przejąć do: { $due }{ $state }
show-done_by = Zakończyć do: { $due }{ $state }
show-needed_by = Potrzebne na: { $date }{ $state }
show-left = {" "}· zostało { $left }
show-late = {" "}· ⚠️ { $late } po terminie
show-met = {" "}· ✅ { $when }
show-missed = {" "}· ⚠️ { $when }, po terminie
show-paused = {" "}· wstrzymane, zostało { $left }
show-days_left = {" "}· za { $count } { $count ->
        [one] dzień
       *[other] dni
    }
show-today = {" "}· dziś
show-days_late = {" "}· ⚠️ { $count } { $count ->
        [one] dzień
       *[other] dni
    } po terminie
show-watchers = Obserwujący: { $watchers }
show-nobody = nikt
show-timeline = <b>Historia</b>
show-earlier_messages = … { $count } { $count ->
        [one] wcześniejsza wiadomość
        [few] wcześniejsze wiadomości
       *[other] wcześniejszych wiadomości
    } między zgłaszającym a działem — w czatach
show-event = { $at } · { $actor }: { $did }{ $detail }
show-detail = {" "}— „{ $text }”
show-system = Baton
show-file = <b>#{ $id }</b> · { $label }

## [show.did]
show-did-created = utworzenie zgłoszenia
show-did-take = przejęcie
show-did-release = zwrot do kolejki
show-did-need_info = pytanie
show-did-answer = odpowiedź
show-did-done = zakończenie pracy
show-did-accept = akceptacja
show-did-reopen = odesłanie do poprawy
show-did-reject = odrzucenie
show-did-transfer = przekazanie z działu { $from } do działu { $to }
show-did-cancel = anulowanie
show-did-auto_close = zamknięcie (brak odpowiedzi na czas)
show-did-assign = przypisanie
show-did-reassign = przekazanie innej osobie
show-did-follow = początek obserwowania
show-did-unfollow = koniec obserwowania
show-did-repeat = ponowne złożenie
show-did-rated = ocena { $stars }
show-did-commented = komentarz
show-did-message = wiadomość

## [find]
find-usage = Użycie: <code>/find słowa</code> — numer zgłoszenia, słowa z odpowiedzi lub nazwisko zgłaszającego.
find-title = <b>Wyniki dla „{ $query }”</b>
find-none = Nic nie znaleziono dla „{ $query }”.
find-line = <b>#{ $id }</b> · { $type } · { $status } · { $requester } /show_{ $id }

## [picker]
picker-assign = Komu przypisać <b>#{ $id }</b>? Liczba to otwarte zgłoszenia danej osoby w tym dziale.
picker-reassign = Komu przekazać <b>#{ $id }</b>? Liczba to otwarte zgłoszenia danej osoby w tym dziale.
picker-choice = { $name } · { $count } { $count ->
        [one] otwarte
        [few] otwarte
       *[other] otwartych
    }
picker-away = { $name } · { $count } { $count ->
        [one] otwarte
        [few] otwarte
       *[other] otwartych
    } · nieobecność

## [away]
away-usage =
    Użycie: <code>/away DD.MM.RRRR-DD.MM.RRRR [@zastępca lub id]</code> (albo jeden dzień: <code>/away DD.MM.RRRR</code>), na przykład <code>/away 01.12.2026-14.12.2026 @egor</code>.
    Pierwszego dnia Twoje otwarte zgłoszenia trafią do zastępcy, a bez niego — z powrotem do kolejki; w tym czasie nie dostajesz nowych. /back kończy nieobecność.
away-bad_dates = Nie umiem odczytać „{ $text }” jako dwóch dat.
away-end_before_start = Okres kończy się, zanim się zacznie.
away-past = Ten okres już minął.
away-unknown_deputy = Nie znam „{ $deputy }”: zastępca musi najpierw do mnie napisać lub nacisnąć któryś z moich przycisków. Możesz też podać jego identyfikator Telegram.
away-self_deputy = Nie możesz być własnym zastępcą.
away-deputy_elsewhere = { $deputy } nie pracuje w Twoim dziale: zastępca musi móc działać na kartach działu.
away-not_executor = /away jest dla wykonawców działów.
away-saved = 🌴 Nieobecność od { $starts } do { $ends }.
away-to_deputy = Od { $starts } Twoje otwarte zgłoszenia przejmie { $deputy }.
away-to_queue = Od { $starts } Twoje otwarte zgłoszenia wrócą do kolejki.
away-back = 👋 Witaj z powrotem: znów dostajesz zgłoszenia.
away-not_away = Nie masz zaznaczonej nieobecności.

## [button]
button-approve = ✅ Zatwierdź
button-decline = ⛔ Odrzuć
button-question = ❓ Zapytaj

## [status]
status-approval = ⏳ czeka na zatwierdzenie
status-declined = 🚫 niezatwierdzone

## [notice]
notice-approval_submitted = ⏳ Zgłoszenie <b>#{ $id }</b> „{ $type }” do działu <b>{ $department }</b> wymaga najpierw zatwierdzenia. Zatwierdza: { $names }. Dam znać, gdy zapadnie decyzja.
notice-approval_question =
    ❓ <b>{ $actor }</b>, osoba zatwierdzająca Twoje zgłoszenie <b>#{ $id }</b> „{ $type }”, pyta:
    { $text }

    <i>Aby odpowiedzieć, wybierz „Odpowiedz” przy tej wiadomości.</i>
notice-approved = ✅ Twoje zgłoszenie <b>#{ $id }</b> „{ $type }” zostało zatwierdzone (<b>{ $actor }</b>) i jest teraz w dziale <b>{ $department }</b>.
notice-watch_approved = ✅ Zgłoszenie <b>#{ $id }</b> „{ $type }” zostało zatwierdzone (<b>{ $actor }</b>) i jest teraz w dziale <b>{ $department }</b>.
notice-declined =
    🚫 Twoje zgłoszenie <b>#{ $id }</b> „{ $type }” nie zostało zatwierdzone (<b>{ $actor }</b>).
    Powód: { $text }
notice-watch_declined =
    🚫 Zgłoszenie <b>#{ $id }</b> „{ $type }” nie zostało zatwierdzone (<b>{ $actor }</b>).
    Powód: { $text }
notice-approval_remind = ⏰ Zgłoszenie <b>#{ $id }</b> „{ $type }” ({ $department }) wciąż czeka na Twoją decyzję: naciśnij „Zatwierdź”, „Odrzuć” lub „Zapytaj” pod moją wiadomością o nim.
notice-approval_escalated = ⚠️ Zgłoszenie <b>#{ $id }</b> „{ $type }” ({ $department }) zbyt długo czeka na zatwierdzenie: mimo przypomnienia nie ma odpowiedzi. Zatwierdza: { $names }.
notice-approver_unreachable = ⚠️ <b>{ $actor }</b> ma zatwierdzić Twoje zgłoszenie <b>#{ $id }</b>, ale nie odbiera moich wiadomości (bot zablokowany albo nigdy nieuruchomiony). Poproś tę osobę, by otworzyła czat ze mną i nacisnęła /start.
notice-approver_unreachable_admin = ⚠️ <b>{ $actor }</b> ma zatwierdzić zgłoszenie <b>#{ $id }</b> „{ $type }” ({ $department }), ale nie odbiera moich wiadomości (bot zablokowany albo nigdy nieuruchomiony). Poproś tę osobę, by otworzyła czat ze mną i nacisnęła /start; albo zgłaszający może anulować zgłoszenie i wysłać je ponownie.

## [notice.rating_told]
notice-rating_told-rated = ⭐ Ocena od { $actor } dla #{ $id } „{ $type }”: { $stars }
notice-rating_told-rated_comment = ⭐ Ocena od { $actor } dla #{ $id } „{ $type }”: { $stars } — { $text }

## [notice.org_reload]
notice-org_reload-done = 🔄 Plik organizacji został wczytany ponownie ({ $source }): obowiązuje teraz wersja { $version }. Nowe zgłoszenia podlegają jej zasadom; otwarte zachowują swoje terminy.
notice-org_reload-refused =
    ⚠️ Nie wczytano ponownie pliku organizacji ({ $source }); nadal obowiązuje wersja { $version }.
    <code>{ $error }</code>

## [prompt]
prompt-decline = { $actor }, odpowiedz na tę wiadomość, podając powód odmowy zatwierdzenia <b>#{ $id }</b>.
prompt-ask = { $actor }, odpowiedz na tę wiadomość, wpisując pytanie do zgłaszającego <b>#{ $id }</b>.

## [press]
press-approved = #{ $id } zatwierdzone; trafia do działu.

## [did]
did-approve = już zatwierdzone
did-decline = już odrzucone
did-question = już z pytaniem do zgłaszającego

## [relay]
relay-sent_approver = ✉️ Przekazano osobie zatwierdzającej #{ $id }.

## [stats]
stats-approvals = ✋ Prośby o zatwierdzenie: { $count } · odrzucone { $declined } · mediana czasu do zatwierdzenia { $p50 }

## [stats.low_ratings]
stats-low_ratings-title = 👎 <b>Najnowsze niskie oceny</b> (3 lub mniej):
stats-low_ratings-line = • /show_{ $id } { $stars } { $rater }
stats-low_ratings-comment = • /show_{ $id } { $stars } { $rater }: „{ $comment }”

## [show.did]
show-did-approve = zatwierdzenie
show-did-decline = odmowa zatwierdzenia
show-did-question = pytanie do zgłaszającego

## [weekly]
weekly-title = 📅 <b>{ $department }</b> · tydzień { $first }–{ $last }
weekly-columns = <i>ten tydzień · poprzedni</i>
weekly-created = Utworzone: { $this } · { $before }
weekly-done = Zakończone: { $this } · { $before }
weekly-sla_response = ✅ SLA reakcji dotrzymane: { $this } · { $before }
weekly-sla_resolve = ✅ SLA realizacji dotrzymane: { $this } · { $before }
weekly-csat = ⭐ CSAT: { $this } · { $before }
weekly-csat_value = { $csat } z { $count } { $count ->
        [one] oceny
        [few] ocen
        [many] ocen
       *[other] oceny
    }
weekly-take = ⏱ Mediana czasu do przejęcia: { $this } · { $before }
weekly-finish = ⏱ Mediana czasu realizacji: { $this } · { $before }
weekly-none = —
weekly-breached = 🚨 <b>Obecnie po terminie</b>: { $count }
weekly-breached_line = • /show_{ $id } { $type } · { $status } · termin minął { $due }
weekly-stuck = 🐢 <b>Utknięte</b> (bez zmian od ponad { $stale }): { $count }
weekly-stuck_line = • /show_{ $id } { $type } · { $status } · ostatnia zmiana { $at }
weekly-load = 👥 <b>Bieżące obciążenie</b>:
weekly-load_line = • { $name }: { $count }
weekly-no_load = • nikt nie ma otwartych zgłoszeń
weekly-lowest = 👎 <b>Najniższe oceny</b> tygodnia:
weekly-rating_line = • /show_{ $id } { $stars } { $rater }
weekly-rating_comment = • /show_{ $id } { $stars } { $rater }: „{ $comment }”
weekly-no_ratings = • brak ocen w tym tygodniu
weekly-chart_title = { $department } · { $first }–{ $last }

## [approval]
approval-title = ⏳ <b>#{ $id }</b> · { $type } — wymaga zatwierdzenia
approval-waiting = Zatwierdź, odrzuć (podając powód) albo zadaj pytanie zgłaszającemu.
approval-approved_by = ✅ Zatwierdzone: <b>{ $actor }</b>, { $when }.
approval-declined_by = 🚫 Odrzucone: <b>{ $actor }</b>, { $when }.
approval-show_approvers = Zatwierdza: { $names }

## [review fixes: approvals]
notice-cancelled_approval = ✖ Anulowano Twoje zgłoszenie <b>#{ $id }</b> „{ $type }”, zanim zostało zatwierdzone.
notice-cancelled_approval_reason =
    ✖ Anulowano Twoje zgłoszenie <b>#{ $id }</b> „{ $type }”, zanim zostało zatwierdzone.
    Powód: { $text }
approval-cancelled_by = ✖ Anulowane: <b>{ $actor }</b>, { $when }.
press-ask_question = Odpowiedz na moją wiadomość, wpisując pytanie.
relay-question_sent = ✉️ Twoje pytanie o zgłoszenie #{ $id } trafiło do zgłaszającego; odpowiedź przyjdzie tutaj.
notice-relay_from_requester =
    💬 <b>#{ $id }</b> · { $author } (zgłaszający):
    { $text }

    <i>Aby odpowiedzieć, wybierz „Odpowiedz” przy tej wiadomości.</i>
notice-relay_from_approver =
    💬 <b>#{ $id }</b> · { $author } (zatwierdzający):
    { $text }

    <i>Aby odpowiedzieć, wybierz „Odpowiedz” przy tej wiadomości.</i>
notice-relay_caption_from_requester = 💬 #{ $id } · { $author } (zgłaszający)
notice-relay_caption_from_approver = 💬 #{ $id } · { $author } (zatwierdzający)
