// Exports carry how a session is delivered (S16): the FHIR `delivery` extension on Appointment and
// Encounter (mode, the session's mode, CMS place of service, room) and Encounter.class VR
// (virtual) for a remote seat; iCalendar's LOCATION and URL for a remote session.
import { beforeAll, describe, expect, it } from "vitest";
import {
  fhirExtensions,
  toFhirBundle,
  toICalendar,
  type FhirExportInput,
  type Schedule,
  type ScheduledSession,
} from "iopkit";
import type { Extension } from "@medplum/fhirtypes";
import { bundleProblems, loadR4, resourcesOf } from "./fhir-check";
import { alexGroups, alexId, blakeId, clinic, now } from "./fhir-clinic";

beforeAll(loadR4);

const [first, second] = alexGroups as [ScheduledSession, ScheduledSession];
const hybrid: ScheduledSession = {
  ...first,
  deliveryMode: "hybrid",
  remoteParticipantIds: [alexId],
  placeOfService: "57",
  roomId: "group-1",
};
const video: ScheduledSession = { ...second, deliveryMode: "video", placeOfService: "10" };
const input: FhirExportInput = {
  ...clinic,
  schedule: {
    ...(clinic.schedule as Schedule),
    sessions: (clinic.schedule as Schedule).sessions.map((s) =>
      s.id === first.id ? hybrid : s.id === second.id ? video : s,
    ),
  },
};
const { bundle } = toFhirBundle(input, { now });
const delivery = (r: { extension?: Extension[] }): Record<string, unknown> => {
  const ext = r.extension?.find((e) => e.url === fhirExtensions.delivery);
  return Object.fromEntries(
    (ext?.extension ?? []).map((e) => [e.url, e.valueCode ?? e.valueString ?? e.valueCoding?.code]),
  );
};
const seat = (session: ScheduledSession, pid: string) =>
  resourcesOf(bundle, "Appointment").find(
    (a) => a.identifier?.[0]?.value === `${session.id}/${pid}`,
  );
const encounter = (session: ScheduledSession, pid: string) =>
  resourcesOf(bundle, "Encounter").find((a) => a.identifier?.[0]?.value === `${session.id}/${pid}`);

describe("FHIR: the delivery extension and the virtual encounter class", () => {
  it("stays a valid R4 bundle", () => {
    expect(bundleProblems(bundle)).toEqual([]);
  });
  it("a hybrid session: the remote seat by video (no place of service), the room's seat in person", () => {
    expect(delivery(seat(hybrid, alexId) ?? {})).toEqual({
      mode: "video",
      sessionMode: "hybrid",
      room: "group-1",
    });
    if (hybrid.participantIds.includes(blakeId))
      expect(delivery(seat(hybrid, blakeId) ?? {})).toEqual({
        mode: "in-person",
        sessionMode: "hybrid",
        placeOfService: "57",
        room: "group-1",
      });
    expect(encounter(hybrid, alexId)?.class.code).toBe("VR");
  });
  it("a video session: every seat by video with its place of service; an attended seat is a virtual encounter", () => {
    expect(delivery(seat(video, alexId) ?? {})).toEqual({
      mode: "video",
      sessionMode: "video",
      placeOfService: "10",
    });
    expect(encounter(video, alexId)?.class).toEqual({
      system: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
      code: "VR",
      display: "virtual",
    });
  });
  it("a session that records no mode and no room has no delivery extension, and stays ambulatory", () => {
    const third = alexGroups[4] as ScheduledSession;
    expect(delivery(seat(third, alexId) ?? {})).toEqual({});
    expect(encounter(third, alexId)?.class.code).toBe("AMB");
  });
});

describe("iCalendar: where a remote session happens", () => {
  const ics = (sessions: ScheduledSession[], extra: object = {}) =>
    toICalendar(sessions, { timeZone: clinic.program.timeZone, now, ...extra });
  it("a video session says so and carries the join link; in person says nothing by default", () => {
    const text = ics([video, { ...first }], { videoUrl: "https://clinic.example/join?a=1,b;c" });
    expect(text.match(/^(LOCATION|URL):.*$/gm)).toEqual([
      "LOCATION:Video session",
      "URL:https://clinic.example/join?a=1,b;c",
    ]);
  });
  it("a hybrid session: video for its remote participant, in person for another, both on a staff calendar", () => {
    const lines = (who: object) =>
      ics([hybrid], {
        ...who,
        videoUrl: (s: ScheduledSession) => `https://x.example/${s.id}`,
      }).match(/^(LOCATION|URL):.*$/gm);
    expect(lines({ for: { participantId: alexId } })).toEqual([
      "LOCATION:Video session",
      `URL:https://x.example/${hybrid.id}`,
    ]);
    expect(lines({ for: { participantId: blakeId } })).toBeNull();
    expect(lines({})).toEqual([
      "LOCATION:In person and by video",
      `URL:https://x.example/${hybrid.id}`,
    ]);
  });
  it("a phone session says so and has no URL; an explicit location wins", () => {
    const phone = { ...video, deliveryMode: "phone" as const };
    expect(ics([phone], { videoUrl: "https://x.example" }).match(/^(LOCATION|URL):.*$/gm)).toEqual([
      "LOCATION:Phone session",
    ]);
    expect(ics([phone], { location: "Call from the clinic" }).match(/^LOCATION:.*$/gm)).toEqual([
      "LOCATION:Call from the clinic",
    ]);
  });
  it("a URL with a control character is refused", () => {
    expect(() => ics([video], { videoUrl: "https://x.example/\nX" })).toThrow(/invalid-video-url/);
  });
});
