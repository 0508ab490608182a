/**
 * The demo's story, checked: a small clinic run through the same functions as `npm run demo`
 * (examples/clinic/run.ts), and the command line's handling of bad options.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { addDays, replayEpisode, type EpisodeEvent } from "iopkit";
import { parseDemoOptions } from "./clinic/options";
import { buildDemo, type DemoResult } from "./clinic/run";

const SMALL = { participants: 12, weeks: 12, seed: 2, zone: "America/New_York", out: "out" };
const demo: DemoResult = buildDemo(SMALL);
const { data } = demo;
const { sim, program } = data;
const logOf = (id: string): readonly EpisodeEvent[] =>
  sim.logs.find((l) => l.participantId === id)?.events ?? [];
const allEvents = sim.logs.flatMap((l) => l.events.map((e) => ({ id: l.participantId, e })));

describe("the demo clinic (12 referrals, 12 weeks)", () => {
  test("admits some referrals and refers the others on", () => {
    expect(data.admissions.length).toBeGreaterThan(0);
    expect(data.admissions.length).toBeLessThan(data.screened.length);
    expect(sim.logs).toHaveLength(data.admissions.length);
  });

  test("every episode log replays, to the state the simulation ended in", () => {
    for (const [i, log] of sim.logs.entries()) {
      const r = replayEpisode(log.events, program);
      expect(r.ok, `${log.participantId}: ${r.ok ? "" : r.error.message}`).toBe(true);
      if (r.ok) expect(r.state).toEqual(sim.episodes[i]);
    }
  });

  test("someone steps down after a clinician's sign-off", () => {
    const steps = allEvents.filter(({ e }) => e.kind === "stepped-down");
    expect(steps.length).toBeGreaterThan(0);
    for (const { id, e } of steps) {
      const signOff = logOf(id).find(
        (x) => x.kind === "clinical-review-held" && x.outcome === "step-down" && x.on === e.on,
      );
      expect(signOff, `${id} stepped down on ${e.on} without a sign-off`).toBeDefined();
    }
  });

  test("a relapse opens a review, and the review steps the participant up", () => {
    const up = allEvents.find(({ e }) => e.kind === "stepped-up");
    expect(up).toBeDefined();
    const log = logOf(up?.id ?? "");
    const upAt = log.findIndex((e) => e.kind === "stepped-up");
    const before = log.slice(0, upAt);
    expect(before.some((e) => e.kind === "relapse-reported")).toBe(true);
    expect(before.at(-1)).toMatchObject({ kind: "clinical-review-held", outcome: "step-up" });
  });

  test("a review refers someone to a higher level, and they are transferred", () => {
    const transfer = sim.episodes.find(
      (e) => e.status === "discharged" && e.discharge.type === "transferred-higher",
    );
    expect(transfer).toBeDefined();
    const log = logOf(transfer?.participantId ?? "");
    expect(log.at(-2)).toMatchObject({ kind: "clinical-review-held", outcome: "refer-higher" });
    expect(log.at(-1)).toMatchObject({ kind: "discharged", referredTo: "residential" });
  });

  test("someone who stops coming is discharged as lost to contact", () => {
    expect(
      sim.episodes.some(
        (e) => e.status === "discharged" && e.discharge.reason === "lost-to-contact",
      ),
    ).toBe(true);
  });

  test("someone completes the program and gets an aftercare plan", () => {
    const completed = sim.episodes.filter(
      (e) => e.status === "aftercare" && e.discharge.type === "completed",
    );
    expect(completed.length).toBeGreaterThan(0);
    for (const e of completed) {
      const plan = data.aftercare.find((a) => a.participantId === e.participantId)?.plan;
      expect(plan?.situation).toBe("completed");
      expect(plan?.components.some((c) => c.kind === "continuing-care")).toBe(true);
    }
    expect(data.featuredAftercare?.plan.discharge.type).toBe("completed");
    expect(demo.text).toContain(`Aftercare plan for ${data.featuredAftercare?.participantId}`);
  });

  test("the census counts everyone in treatment each week exactly once", () => {
    expect(data.census).toHaveLength(SMALL.weeks);
    for (const week of data.census) {
      const sunday = addDays(week.monday, 6);
      // In treatment that week: started by its Sunday, not discharged by its Monday (a discharge
      // is decided before the day's sessions: the day before it is the last day in treatment).
      const active = sim.logs.filter(({ events }) => {
        const started = events.find((e) => e.kind === "phase-started");
        const discharged = events.find((e) => e.kind === "discharged");
        return (
          started !== undefined &&
          started.on <= sunday &&
          (discharged === undefined || discharged.on > week.monday)
        );
      }).length;
      expect(
        week.byPhase.reduce((a, b) => a + b, 0),
        week.isoWeek,
      ).toBe(week.inTreatment);
      expect(week.inTreatment, week.isoWeek).toBe(active);
    }
  });

  test("prints each group's roster, and the report shows it", () => {
    const html = demo.files.find((f) => f.path === "report.html")?.content ?? "";
    expect(sim.schedule.groups.length).toBeGreaterThan(0);
    for (const g of sim.schedule.groups) {
      const roster = g.members.map((m) => `${m.participantId} ${m.from.slice(5)}→${m.to.slice(5)}`);
      expect(demo.text).toContain(`${g.id}: `);
      expect(demo.text.replace(/\s+/g, " ")).toContain(roster.join(", "));
      expect(html).toContain(roster.join(", "));
    }
  });

  test("re-plans keep what was delivered: no plan moves a session into a day already past", () => {
    expect(sim.replans.length).toBeGreaterThan(0);
    expect(sim.replans.map((r) => r.movedIntoPast)).toEqual(sim.replans.map(() => 0));
  });

  test("the delivered schedule keeps the invariants S1–S16", () => {
    expect(data.violations).toEqual([]);
  });

  test("rooms, a telehealth evening and staff limits: every in-person session has a room; some join by video; the report shows room use per day", () => {
    const inPerson = sim.schedule.sessions.filter(
      (s) => s.deliveryMode !== "video" && s.deliveryMode !== "phone",
    );
    expect(inPerson.every((s) => s.roomId !== undefined)).toBe(true);
    const remote = sim.schedule.sessions.filter(
      (s) => s.deliveryMode === "video" || s.deliveryMode === "hybrid",
    );
    expect(remote.length).toBeGreaterThan(0);
    for (const s of remote) expect(s.track).toBe("evening");
    const html = demo.files.find((f) => f.path === "report.html")?.content ?? "";
    expect(html).toContain('<section id="rooms"');
    expect(html).toMatch(/Group room 1<\/td>(<td[^>]*>[^<]*<\/td>){5}/);
  });

  test("the consent checks allow the treating provider and deny the employer, with reasons", () => {
    const [doctor, employer] = data.consentChecks;
    expect(doctor?.decision.allowed).toBe(true);
    expect(employer?.decision.allowed).toBe(false);
    if (employer?.decision.allowed === false)
      expect(employer.decision.reasons.map((r) => r.element)).toContain("recipient");
  });

  test("writes the report, the schedule, the logs, the FHIR bundle and a calendar each", () => {
    const paths = demo.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(["report.html", "schedule.json", "episodes.json", "fhir-bundle.json"]),
    );
    expect(paths.filter((p) => p.startsWith("calendars/") && p.endsWith(".ics"))).toHaveLength(
      sim.logs.length,
    );
    const bundle: unknown = JSON.parse(
      demo.files.find((f) => f.path === "fhir-bundle.json")?.content ?? "",
    );
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
  });

  test("the report is self-contained: no script, nothing loaded from elsewhere", () => {
    const html = demo.files.find((f) => f.path === "report.html")?.content ?? "";
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<title>");
    expect(html).not.toMatch(/<script|<iframe|<img|@import/i);
    const targets = [...html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"|url\(([^)]*)\)/gi)].map(
      (m) => m[1] ?? m[2] ?? "",
    );
    expect(targets.length).toBeGreaterThan(0);
    const external = targets.filter((t) => /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(t));
    expect(external).toEqual(["data:,"]); // the favicon, so no request is made for one
    expect(html.match(/<svg /g)?.length ?? 0).toBeGreaterThan(sim.logs.length);
    expect(html.match(/<svg [^>]*role="img"/g)?.length).toBe(html.match(/<svg /g)?.length);
  });

  test("the same seed gives the same bytes; another seed does not", () => {
    const again = buildDemo(SMALL);
    expect(again.text).toBe(demo.text);
    expect(again.files).toEqual(demo.files);
    const other = buildDemo({ ...SMALL, seed: 3 });
    expect(other.files.find((f) => f.path === "episodes.json")?.content).not.toBe(
      demo.files.find((f) => f.path === "episodes.json")?.content,
    );
  });
});

describe("the demo's analytics and the manager's action list", () => {
  const { analytics } = data;
  const html = demo.files.find((f) => f.path === "report.html")?.content ?? "";
  const inTreatment = new Set(
    sim.episodes.filter((e) => e.status === "in-phase").map((e) => e.participantId as string),
  );

  test("the action list names only people in treatment, today's items first, every kind explained", () => {
    expect(analytics.actions.length).toBeGreaterThan(0);
    for (const a of analytics.actions) expect(inTreatment.has(a.participantId)).toBe(true);
    const whens = analytics.actions.map((a) => a.when);
    expect(whens).toEqual([...whens].sort((a, b) => (a === b ? 0 : a === "today" ? -1 : 1)));
    for (const a of analytics.actions) expect(html).toContain(a.participantId);
    expect(demo.text).toContain("Action list for the clinic manager");
  });

  test("the figures add up: retention follows every started episode, the state report every discharge", () => {
    const started = sim.logs.filter((l) => l.events.some((e) => e.kind === "phase-started"));
    expect(analytics.retention.episodes).toBe(started.length);
    const discharged = sim.episodes.filter(
      (e) => e.status === "discharged" || e.status === "aftercare",
    );
    expect(analytics.retention.outcomes.discharged).toBe(discharged.length);
    expect(analytics.teds.records.map((r) => r.participantId).sort()).toEqual(
      discharged.map((e) => e.participantId as string).sort(),
    );
    expect(analytics.stays.summary.count).toBe(discharged.length);
    expect(analytics.attendance.total.seats).toBeGreaterThan(0);
    const fui = analytics.followUp.measures.find((m) => m.definition.id === "fui-7");
    expect(fui?.events.length).toBeGreaterThan(0);
  });

  test("the analytics sections speak to a manager: no code names, no invariant codes, no file names", () => {
    const ids = [
      "actions",
      "census-over-time",
      "retention",
      "stays",
      "attendance-overview",
      "outcome-change",
      "follow-up",
      "state-report",
      "capacity",
    ];
    for (const id of ids) {
      const section = new RegExp(`<section id="${id}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? "";
      expect(section, id).not.toBe("");
      const text = section.replace(/<svg[\s\S]*?<\/svg>/g, "").replace(/<[^>]+>/g, " ");
      expect(text, id).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]+\b/); // camelCase names
      expect(text, id).not.toMatch(/\bS\d{1,2}\b|\.ts\b|\.json\b/);
      expect(section, id).not.toContain("<code>");
    }
  });
});

describe("the demo's capacity forecast and waitlist", () => {
  const { capacity } = data;

  test("forecasts 12 weeks from the clinic's own referral and admission rates, deterministically", () => {
    expect(capacity.forecast.weeks).toHaveLength(12);
    expect(capacity.referralsPerWeek).toBe(data.screened.length / SMALL.weeks);
    expect(capacity.admissionRate).toBe(data.admissions.length / data.screened.length);
    expect(buildDemo(SMALL).data.capacity.forecast).toEqual(capacity.forecast);
    expect(demo.text).toContain("Will we have room?");
  });

  test("the waitlist admits by priority class and never beyond the open seats", () => {
    const rank = ["pregnant-injecting", "pregnant", "injecting", "general"];
    const ranks = capacity.waitlist.admitted.map((a) => rank.indexOf(a.priority));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const s of capacity.waitlist.seatsLeft) expect(s.open).toBeGreaterThanOrEqual(0);
    expect(capacity.waitlist.admitted.length).toBeGreaterThan(0);
  });
});

describe("the demo's options", () => {
  test("defaults", () => {
    expect(parseDemoOptions([])).toEqual({
      ok: true,
      options: { participants: 40, weeks: 12, seed: 2026, zone: "America/New_York", out: "out" },
    });
  });

  test.each([
    [["--weeks", "0"], "--weeks"],
    [["--weeks", "1.5"], "--weeks"],
    [["--participants", "many"], "--participants"],
    [["--seed", "9007199254740993"], "--seed"],
    [["--zone", "Mars/Olympus_Mons"], "--zone"],
    [["--colour", "red"], "colour"],
    [["extra"], "extra"],
  ])("%j is refused, naming %s", (argv, named) => {
    const r = parseDemoOptions(argv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join(" ")).toContain(named);
  });

  test("the command exits with 2 and the usage line on a bad option", () => {
    const root = join(import.meta.dirname, "..");
    const r = spawnSync(
      process.execPath,
      [join(root, "node_modules", "tsx", "dist", "cli.mjs"), "examples/demo.ts", "--weeks", "0"],
      { cwd: root, encoding: "utf8" },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage: npm run demo --");
    expect(r.stdout).toBe("");
  });

  test("one payer's authorisations: one runs out and is renewed; billable days per week", () => {
    const { payer } = data;
    const mine = payer.ledger.accounts.filter((a) => a.participantId === payer.renewed);
    expect(mine.map((a) => a.authorizationId)).toEqual([
      `${payer.renewed}-1`,
      `${payer.renewed}-2`,
    ]);
    expect(mine[0]).toMatchObject({ status: "expired", remaining: 0 });
    expect(mine[1]?.status).toBe("active");
    expect(payer.weeks).toHaveLength(SMALL.weeks);
    expect(payer.weeks.every((w) => w.billable > 0)).toBe(true);
    expect(demo.text).toContain("Billable days per week");
  });
});
