/**
 * How a simulated participant behaves: a few traits drawn once from the seed (how reliably they
 * come, how likely they are to use, how depressed and anxious they are at admission, how fast they
 * recover), and the records those traits produce — attendance, drug-test results, PHQ-9 and GAD-7
 * answers. Every draw comes from a seeded `Rng` (iopkit's `createRng`), never `Math.random`.
 *
 * The numbers are invented for the demo: plausible, not clinical data.
 */
import type { AttendanceRecord, DrugTestResult, Participant, Rng, ScheduledSession } from "iopkit";
import { toEpochMs } from "iopkit";

/** One participant's latent traits. */
export interface Traits {
  /** Chance of coming on a day they have sessions (0–1). */
  readonly engagement: number;
  /** Chance that a routine drug test is positive. */
  readonly useRisk: number;
  /** PHQ-9 total at admission, without item 9 (0–24). */
  readonly phq9Baseline: number;
  /** GAD-7 total at admission (0–21). */
  readonly gad7Baseline: number;
  /** PHQ-9 points a participant who comes every day loses per week of treatment. */
  readonly recoveryPerWeek: number;
  /** Answers PHQ-9 item 9 ("thoughts that you would be better off dead") above 0 at admission. */
  readonly thoughtsOfDeath: boolean;
}

/**
 * Draws a participant's traits: three in four come steadily (88–98% of days), one in four
 * struggles (62–80%) and is more likely to use; depression and anxiety at admission are mostly
 * mild to moderately severe.
 */
export function drawTraits(rng: Rng): Traits {
  const steady = rng.next() < 0.75;
  return {
    engagement: steady ? 0.88 + 0.1 * rng.next() : 0.62 + 0.18 * rng.next(),
    useRisk: steady ? 0.02 : 0.1,
    phq9Baseline: rng.int(7, 19),
    gad7Baseline: rng.int(5, 15),
    recoveryPerWeek: 0.25 + 0.6 * rng.next(),
    thoughtsOfDeath: rng.next() < 0.06,
  };
}

/** The substance a participant is treated for, from the ICD-10 code of their substance-use condition. */
export function substanceOf(participant: Participant): string {
  const code = participant.conditions.find((c) => c.kind === "substance-use")?.code ?? "";
  if (code.startsWith("F11")) return "opioids";
  if (code.startsWith("F14")) return "cocaine";
  if (code.startsWith("F12")) return "cannabis";
  return "alcohol";
}

/** A session's length in whole minutes. */
export function sessionMinutes(session: ScheduledSession): number {
  return Math.round((toEpochMs(session.end) - toEpochMs(session.start)) / 60_000);
}

/**
 * The attendance record of one participant at one session. `came` says whether they came that
 * day; an absence is excused two times in five (a doctor's appointment, a sick child). Someone who
 * came is sometimes late (6%) or leaves a long session early (3%).
 */
export function attendanceAt(
  session: ScheduledSession,
  participant: Participant,
  came: boolean,
  excused: boolean,
  rng: Rng,
): AttendanceRecord {
  const base = { sessionId: session.id, participantId: participant.id };
  const minutes = sessionMinutes(session);
  if (!came)
    return {
      formatVersion: 2,
      ...base,
      status: excused ? "absent-excused" : "absent-unexcused",
      minutesAttended: 0,
    };
  const r = rng.next();
  if (r < 0.06) {
    const late = rng.pick([10, 15, 20]) ?? 15;
    return {
      formatVersion: 2,
      ...base,
      status: "late",
      minutesAttended: minutes - late,
      lateMinutes: late,
    };
  }
  if (r < 0.09 && minutes >= 90)
    return {
      formatVersion: 2,
      ...base,
      status: "left-early",
      minutesAttended: minutes - 30,
      leftEarlyMinutes: 30,
    };
  return { formatVersion: 2, ...base, status: "present", minutesAttended: minutes };
}

/**
 * The result of a scheduled drug-test collection: `missed` when the participant did not come that
 * day (the program's policy counts a miss as positive), otherwise negative or positive (a
 * positive is lab-confirmed and names the substance).
 */
export function drugTestAt(
  session: ScheduledSession,
  participant: Participant,
  came: boolean,
  positive: boolean,
): DrugTestResult {
  const base = {
    participantId: participant.id,
    collectedAt: session.start,
    sessionId: session.id,
  };
  if (!came) return { formatVersion: 3, expected: [], ...base, result: "missed" };
  if (!positive) return { formatVersion: 3, expected: [], ...base, result: "negative" };
  return {
    formatVersion: 3,
    expected: [],
    ...base,
    result: "positive",
    substances: [substanceOf(participant)],
    confirmed: true,
  };
}

/**
 * Answers (each 0–3) adding up to `total`, spread at random over the first `items` questions.
 * `total` is clamped to what those items can hold.
 */
export function answersAddingUpTo(total: number, items: number, rng: Rng): number[] {
  const answers = Array.from({ length: items }, () => 0);
  let left = Math.max(0, Math.min(total, items * 3));
  while (left > 0) {
    const open = answers.flatMap((a, i) => (a < 3 ? [i] : []));
    const i = rng.pick(open);
    if (i === undefined) break;
    answers[i] = (answers[i] ?? 0) + 1;
    left -= 1;
  }
  return answers;
}

/** What shapes a questionnaire's score on a given day. */
export interface MoodContext {
  /** Whole weeks since admission. */
  readonly weeks: number;
  /** Share of days attended so far (0–1): treatment helps those who come. */
  readonly attendedShare: number;
  /** A relapse in the last two weeks. */
  readonly recentRelapse: boolean;
}

/**
 * PHQ-9 answers: the baseline falls by `recoveryPerWeek` for each week of full attendance, rises
 * by 5 after a relapse, with a point of noise either way. Item 9 is above 0 only at admission for
 * participants with `thoughtsOfDeath`.
 */
export function phq9Answers(traits: Traits, mood: MoodContext, rng: Rng): number[] {
  const total = expectedTotal(traits.phq9Baseline, traits.recoveryPerWeek, mood, rng);
  const item9 = traits.thoughtsOfDeath && mood.weeks === 0 ? 1 : 0;
  return [...answersAddingUpTo(total, 8, rng), item9];
}

/** GAD-7 answers: like the PHQ-9, anxiety easing a little more slowly (0.7 × the PHQ-9 rate). */
export function gad7Answers(traits: Traits, mood: MoodContext, rng: Rng): number[] {
  const total = expectedTotal(traits.gad7Baseline, traits.recoveryPerWeek * 0.7, mood, rng);
  return answersAddingUpTo(total, 7, rng);
}

function expectedTotal(baseline: number, perWeek: number, mood: MoodContext, rng: Rng): number {
  const better = perWeek * mood.weeks * mood.attendedShare;
  const relapse = mood.recentRelapse ? 5 : 0;
  return Math.max(0, Math.round(baseline - better + relapse + rng.int(-1, 1)));
}
