// Laws of admitFromWaitlist over generated waitlists (iopkit/testing's waitlistScenario): no seat
// is filled twice, no one is passed over except by a higher class or for want of a seat they can
// use, everyone is admitted or still waiting (once), and the admitted go in waitlist order.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween } from "iopkit";
import { admitFromWaitlist, parseWaitlistEntry, seatFits, waitlistOrder } from "iopkit/capacity";
import { waitlistScenario } from "iopkit/testing";

describe("admitFromWaitlist laws", () => {
  it("no seat is filled twice: per group, admitted + seats left = seats open, and seats left ≥ 0", () => {
    fc.assert(
      fc.property(waitlistScenario(), ({ waitlist, on, seats }) => {
        const out = admitFromWaitlist(waitlist, { on, seats });
        seats.forEach((s, i) => {
          const filled = out.admitted.filter((a) => a.groupId === s.groupId).length;
          expect(out.seatsLeft[i]?.open).toBeGreaterThanOrEqual(0);
          expect(filled + (out.seatsLeft[i]?.open ?? 0)).toBe(s.open);
        });
      }),
    );
  });

  it("no one is passed over: every group a waiting person fits has no seat left", () => {
    fc.assert(
      fc.property(waitlistScenario(), ({ waitlist, on, seats }) => {
        const out = admitFromWaitlist(waitlist, { on, seats });
        for (const w of out.waiting)
          seats.forEach((s, i) => {
            if (seatFits(w.entry, s)) expect(out.seatsLeft[i]?.open).toBe(0);
          });
      }),
    );
  });

  it("only a higher class, or a seat the earlier person cannot use, puts someone ahead: the admitted follow the waitlist order", () => {
    fc.assert(
      fc.property(waitlistScenario(), ({ waitlist, on, seats }) => {
        const out = admitFromWaitlist(waitlist, { on, seats });
        const order: string[] = waitlistOrder(waitlist.map((e) => parseWaitlistEntry(e))).map(
          (e) => e.participantId,
        );
        const rank = (id: string) => order.indexOf(id);
        const admitted = out.admitted.map((a) => rank(a.participantId));
        expect(admitted).toEqual([...admitted].sort((a, b) => a - b));
        // Everyone admitted after a waiting person in the order took a seat that person cannot use.
        for (const w of out.waiting)
          for (const a of out.admitted)
            if (rank(a.participantId) > rank(w.entry.participantId)) {
              const taken = seats.find((s) => s.groupId === a.groupId);
              expect(taken !== undefined && seatFits(w.entry, taken)).toBe(false);
            }
      }),
    );
  });

  it("everyone is admitted or waiting, once; positions count 1, 2, …; days waited = on − requested", () => {
    fc.assert(
      fc.property(waitlistScenario(), ({ waitlist, on, seats }) => {
        const out = admitFromWaitlist(waitlist, { on, seats });
        const ids = [
          ...out.admitted.map((a) => a.participantId),
          ...out.waiting.map((w) => w.entry.participantId),
        ];
        expect([...ids].sort()).toEqual(waitlist.map((e) => e.participantId).sort());
        expect(out.waiting.map((w) => w.position)).toEqual(out.waiting.map((_, i) => i + 1));
        for (const a of out.admitted) {
          const e = waitlist.find((x) => x.participantId === a.participantId);
          expect(a.daysWaited).toBe(daysBetween(e?.requestedOn ?? on, on));
        }
      }),
    );
  });
});
