"""The Gymnasium-style environment over real loopsim runs (started by the checkout's ./loopsim launcher)."""

import math

import pytest

from loopsim.env import OBSERVATION_EXTRA, LoopsimEnv


def play(env, seed, scores):
    """One episode with a fixed policy; its (member, day, reward) steps and how it ended."""
    observation, info = env.reset(seed=seed)
    steps = []
    while True:
        assert len(observation) == env.observation_space.shape[0]
        member, day = info["member"], info["day"]
        observation, reward, terminated, truncated, info = env.step(scores)
        steps.append((member, day, reward))
        if terminated or truncated:
            return steps, terminated, truncated


@pytest.fixture(scope="module")
def population():
    env = LoopsimEnv("quickstart", members=40, horizon_days=7)
    yield env
    env.close()


def test_spaces_follow_the_catalog_and_observations_are_what_a_service_sees(population):
    genres = population.hello.genres
    assert population.observation_space.shape == (genres + OBSERVATION_EXTRA,)
    assert population.action_space.shape == (len(population.hello.titles),)
    observation, info = population.reset(seed=1)
    shares = list(observation[:genres])
    assert all(share >= 0 for share in shares) and (sum(shares) == 0 or math.isclose(sum(shares), 1))
    assert shares == list(info["request"].member.genre_shares)  # the features are the request's own history
    assert info["count"] > 0 and set(info["candidates"]) <= set(range(len(population.hello.titles)))


def test_an_episode_is_the_run_every_visit_one_step_with_a_zero_or_one_reward(population):
    prior = [title.popularity_prior for title in population.hello.titles]
    steps, terminated, truncated = play(population, 2, prior)
    assert truncated and not terminated  # many members: the run ends at its horizon
    assert len(steps) > 40
    assert {reward for _, _, reward in steps} <= {0.0, 1.0}
    days = [day for _, day, _ in steps]
    assert all(0 <= day < 7 for day in days)
    with pytest.raises(RuntimeError, match="reset"):
        population.step(prior)


def test_the_same_seed_and_actions_give_the_same_episode_and_another_seed_another(population):
    prior = [title.popularity_prior for title in population.hello.titles]
    first = play(population, 5, prior)
    again = play(population, 5, prior)
    other = play(population, 6, prior)
    assert first == again
    assert other != first


def test_the_page_is_the_actions_order_so_another_action_changes_the_outcomes(population):
    prior = [title.popularity_prior for title in population.hello.titles]
    reverse = [-p for p in prior]
    assert play(population, 5, prior) != play(population, 5, reverse)


def test_a_play_counts_at_least_as_often_as_a_quality_play_on_the_same_run():
    quality = LoopsimEnv("quickstart", members=30, horizon_days=7, reward="quality-play")
    plays = LoopsimEnv("quickstart", members=30, horizon_days=7, reward="play")
    try:
        scores = [title.popularity_prior for title in quality.hello.titles]
        q, p = play(quality, 3, scores)[0], play(plays, 3, scores)[0]
        assert [(m, d) for m, d, _ in q] == [(m, d) for m, d, _ in p]
        assert all(pr >= qr for (_, _, qr), (_, _, pr) in zip(q, p))
        assert sum(pr for _, _, pr in p) > sum(qr for _, _, qr in q) > 0
    finally:
        quality.close()
        plays.close()


def test_one_member_makes_an_episode_of_their_life_ended_by_churn_or_the_horizon():
    env = LoopsimEnv("quickstart", members=1, horizon_days=120, overrides={"world.churn.min_visits_per_week": 2.5})
    try:
        endings = []
        for seed in range(6):
            steps, terminated, truncated = play(env, seed, [title.popularity_prior for title in env.hello.titles])
            assert {member for member, _, _ in steps} == {0}
            assert terminated != truncated
            endings.append(terminated)
        assert any(endings) and not all(endings), endings  # this churn threshold ends some lives early, not all
    finally:
        env.close()


def test_a_bad_scenario_is_reported_with_loopsims_message():
    with pytest.raises(RuntimeError, match="stopped before its run began .*members"):
        LoopsimEnv("quickstart", members=-5)
