import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from toolbox.ratelimit import Rate, hit

PERIOD_START = 1_800_000_000  # a whole number of minutes, hours and days since the epoch


@pytest.mark.parametrize(
    "written, count, seconds",
    [
        ("10/h", 10, 3600),
        ("120/min", 120, 60),
        ("100/5m", 100, 300),
        ("3 / 2 days", 3, 172800),
        ("5/s", 5, 1),
    ],
)
def test_a_rate_is_written_one_way_everywhere(written, count, seconds):
    assert Rate.parse(written) == Rate(count, seconds)


@pytest.mark.parametrize("written", ["", "10", "10/fortnight", "0/h", "ten/h", "10/h/2"])
def test_a_rate_written_otherwise_is_refused_with_an_example(written):
    with pytest.raises(ImproperlyConfigured, match="10/h, 120/min or 100/5m"):
        Rate.parse(written)


def reader(address="192.0.2.7"):
    return RequestFactory().get("/", REMOTE_ADDR=address)


def test_requests_within_the_rate_pass_and_the_next_is_refused_with_a_wait(db):
    verdicts = [hit(reader(), scope="test", rate="2/m", now=PERIOD_START + 10) for _ in range(3)]
    assert [verdict.allowed for verdict in verdicts] == [True, True, False]
    assert 0 < verdicts[-1].retry_after <= 120


def test_the_turn_of_a_period_does_not_open_the_door_to_twice_the_rate(db):
    """A fixed window would let two requests through at 0:59 and two more at 1:01."""
    for _ in range(2):
        assert hit(reader(), scope="test", rate="2/m", now=PERIOD_START + 59).allowed
    assert not hit(reader(), scope="test", rate="2/m", now=PERIOD_START + 61).allowed


def test_the_last_periods_requests_weigh_less_as_the_window_slides_past_them(db):
    for _ in range(2):
        hit(reader(), scope="test", rate="2/m", now=PERIOD_START + 1)
    refused = hit(reader(), scope="test", rate="2/m", now=PERIOD_START + 2)
    assert not refused.allowed
    # Counting the refused one too, three requests weigh on the next minute until enough of it has passed.
    later = PERIOD_START + 2 + refused.retry_after
    assert hit(reader(), scope="test", rate="2/m", now=later).allowed


def test_clients_and_scopes_are_counted_apart(db):
    for _ in range(2):
        hit(reader("192.0.2.7"), scope="test", rate="2/m", now=PERIOD_START)
    assert hit(reader("192.0.2.8"), scope="test", rate="2/m", now=PERIOD_START).allowed
    assert hit(reader("192.0.2.7"), scope="other", rate="2/m", now=PERIOD_START).allowed
    assert not hit(reader("192.0.2.7"), scope="test", rate="2/m", now=PERIOD_START).allowed


def test_an_unreachable_cache_lets_the_request_through_and_says_so(settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    assert hit(reader(), scope="test", rate="1/m").allowed
    assert "Rate limit not checked, the cache is unavailable" in caplog.text
