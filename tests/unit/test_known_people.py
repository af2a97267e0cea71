from core.known_people import KnownPeople
from db.users import UserInfo

RITA = UserInfo(7, "Rita", None, "rita", "ru")


def test_only_what_was_stored_is_unchanged() -> None:
    known = KnownPeople()
    assert not known.unchanged(RITA, private=False)
    known.stored(RITA, reachable=False)  # seen in a group, never started us
    assert known.unchanged(RITA, private=False)
    assert not known.unchanged(RITA, private=True)  # a first private message is written
    assert not known.unchanged(UserInfo(7, "Rita", None, "rita", "en"), private=False)
    known.stored(RITA, reachable=True)
    assert known.unchanged(RITA, private=True)
    known.forget(7)
    assert not known.unchanged(RITA, private=False)


def test_the_least_recently_seen_are_forgotten_first() -> None:
    known = KnownPeople(capacity=2)
    people = [UserInfo(i, f"P{i}") for i in range(3)]
    known.stored(people[0], reachable=True)
    known.stored(people[1], reachable=True)
    assert known.unchanged(people[0], private=True)  # seen again: kept
    known.stored(people[2], reachable=True)
    assert known.unchanged(people[0], private=True) and known.unchanged(people[2], private=True)
    assert not known.unchanged(people[1], private=True)
