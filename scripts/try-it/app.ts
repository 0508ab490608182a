// The "Try it" page of the documentation site: iopkit running in the reader's browser, bundled from
// this build by scripts/try-it-bundle.mjs into docs/site/assets/try-it.js (no server). Pick a
// template, a start date and a time zone, edit the participant's busy hours; the eligibility
// decision and the planned weeks are recomputed as you type.
import {
  addDays,
  admissionTracks,
  assessEligibility,
  isIopError,
  isoWeekday,
  parseEnrollment,
  parseParticipant,
  planSchedule,
  programTemplates,
  type Program,
  type ScheduledSession,
} from "iopkit";

type TemplateKey = "substanceUseAdult" | "mentalHealthAdult" | "adolescent";
const TEMPLATES: readonly { key: TemplateKey; label: string }[] = [
  { key: "substanceUseAdult", label: "Adult substance use" },
  { key: "mentalHealthAdult", label: "Adult mental health" },
  { key: "adolescent", label: "Adolescent" },
];
const ZONES = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"];
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Builds an element with attributes and children. */
function el(
  tag: string,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/** A labelled control. */
function field(label: string, control: HTMLElement): HTMLElement {
  return el("label", { class: "try-field" }, el("span", {}, label), control);
}

function programFor(key: TemplateKey, timeZone: string): Program {
  return programTemplates[key]({ timeZone });
}

function participantInput(
  key: TemplateKey,
  assessedOn: string,
  busy: readonly { weekday: number; from: string; to: string }[],
): unknown {
  return {
    id: "p-try",
    dateOfBirth: key === "adolescent" ? "2010-05-01" : "1988-05-01",
    assessedOn,
    conditions: [
      key === "mentalHealthAdult"
        ? { kind: "depression", severity: "moderate" }
        : { kind: "substance-use", severity: "moderate" },
    ],
    dimensions: {
      withdrawal: 0,
      biomedical: 0,
      emotionalBehavioral: 1,
      readiness: 2,
      relapsePotential: 2,
      recoveryEnvironment: 1,
    },
    detox: "not-needed",
    history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 1, residentialCompleted: false },
    living: "supportive-home",
    responsibilities: busy.length > 0 ? ["work"] : [],
    unavailable: busy,
    familyInvolved: key === "adolescent",
    medications: [],
  };
}

/** The week grid: one row per week, one cell per day, the participant's sessions in each. */
function grid(sessions: readonly ScheduledSession[], from: string, weeks: number): HTMLElement {
  const head = el("tr", {}, el("th", { scope: "col" }, "Week"));
  for (const d of DAYS) head.append(el("th", { scope: "col" }, d));
  const body = el("tbody");
  for (let w = 0; w < weeks; w++) {
    const monday = addDays(from, w * 7 - (isoWeekday(from) - 1));
    const row = el("tr", {}, el("th", { scope: "row" }, monday.slice(5)));
    for (let d = 0; d < 7; d++) {
      const day = addDays(monday, d);
      const items = sessions
        .filter((s) => s.start.startsWith(day))
        .map((s) => el("li", {}, `${s.start.slice(11, 16)} ${s.sessionType}`));
      row.append(el("td", {}, items.length === 0 ? "" : el("ul", {}, ...items)));
    }
    body.append(row);
  }
  return el("table", { class: "try-grid" }, el("thead", {}, head), body);
}

/** Mounts the app in `root`. */
export function mount(root: HTMLElement): void {
  const template = el("select", { id: "try-template" }) as HTMLSelectElement;
  for (const t of TEMPLATES) template.append(el("option", { value: t.key }, t.label));
  const start = el("input", {
    id: "try-start",
    type: "date",
    value: "2026-11-02",
  }) as HTMLInputElement;
  const zone = el("select", { id: "try-zone" }) as HTMLSelectElement;
  for (const z of ZONES) zone.append(el("option", { value: z }, z));
  const busyRows = [1, 2, 3, 4, 5].map((weekday) => {
    const from = el("input", {
      type: "time",
      value: "08:30",
      "aria-label": `${DAYS[weekday - 1] ?? ""} busy from`,
    }) as HTMLInputElement;
    const to = el("input", {
      type: "time",
      value: "17:00",
      "aria-label": `${DAYS[weekday - 1] ?? ""} busy until`,
    }) as HTMLInputElement;
    const on = el("input", {
      type: "checkbox",
      checked: "",
      "aria-label": `busy on ${DAYS[weekday - 1] ?? ""}`,
    }) as HTMLInputElement;
    return { weekday, from, to, on };
  });
  const busy = el(
    "fieldset",
    { class: "try-busy" },
    el("legend", {}, "Busy (work, school, childcare)"),
    ...busyRows.map((r) =>
      el("div", {}, r.on, ` ${DAYS[r.weekday - 1] ?? ""} `, r.from, " – ", r.to),
    ),
  );
  const out = el("div", { id: "try-output", "aria-live": "polite" });
  root.replaceChildren(
    el(
      "form",
      { class: "try-form" },
      field("Template", template),
      field("Start (a Monday)", start),
      field("Time zone", zone),
      busy,
    ),
    out,
  );

  const weeks = 4;
  const update = (): void => {
    const key = template.value as TemplateKey;
    try {
      const program = programFor(key, zone.value);
      const busyTimes = busyRows
        .filter((r) => r.on.checked)
        .map((r) => ({ weekday: r.weekday, from: r.from.value, to: r.to.value }));
      const participant = parseParticipant(participantInput(key, start.value, busyTimes));
      const decision = assessEligibility(participant, program);
      const tracks = admissionTracks(decision);
      const summary = el(
        "p",
        { id: "try-decision" },
        el("strong", {}, decision.outcome),
        ` — recommended level: ${decision.recommendedLevel ?? "none"}; tracks that fit: ${tracks === undefined || tracks.length === 0 ? "none" : tracks.join(", ")}`,
      );
      const reasons = el(
        "ul",
        { id: "try-reasons" },
        ...decision.reasons.map((r) => el("li", {}, el("code", {}, r.code), ` ${r.message}`)),
      );
      const track = tracks?.[0];
      const parts: HTMLElement[] = [
        el("h2", {}, "Eligibility"),
        summary,
        reasons,
        el("h2", {}, "Planned weeks"),
      ];
      if (track === undefined)
        parts.push(el("p", {}, "No track fits this week, so nothing is planned."));
      else {
        const enrollment = parseEnrollment({ participant, start: start.value, track });
        const schedule = planSchedule({
          program,
          enrollments: [enrollment],
          from: start.value,
          weeks,
          seed: 1,
        });
        const mine = schedule.sessions.filter((s) => s.participantIds.includes(participant.id));
        parts.push(
          el(
            "p",
            { id: "try-count" },
            `${String(mine.length)} sessions in ${String(weeks)} weeks on the ${track} track (times in ${program.timeZone}).`,
          ),
          // A keyboard reader scrolls the wide grid too: the box takes focus and is named.
          el(
            "div",
            { class: "try-scroll", tabindex: "0", role: "region", "aria-label": "Planned weeks" },
            grid(mine, start.value, weeks),
          ),
        );
      }
      out.replaceChildren(...parts);
    } catch (e) {
      const issues = isIopError(e)
        ? e.issues.map((i) => `${i.path.join(".")}: ${i.message}`)
        : [String(e)];
      out.replaceChildren(
        el("p", { id: "try-error" }, "Not valid yet: "),
        el("ul", {}, ...issues.map((i) => el("li", {}, i))),
      );
    }
  };
  root.addEventListener("input", update);
  root.addEventListener("change", update);
  update();
}

const root = document.getElementById("iopkit-try");
if (root !== null) mount(root);
