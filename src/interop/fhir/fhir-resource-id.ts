/**
 * Stable FHIR resource ids: RFC 9562 name-based UUIDs (version 5, SHA-1) of a resource's type and
 * primary identifier, so the same record always gets the same id and `urn:uuid:` full URL, and an
 * app can compute it with any UUID library. SHA-1 is written out here (≈ 0.5 kB) because iopkit
 * runs where neither `node:crypto` nor a synchronous WebCrypto digest is available.
 */
import { pure } from "../../core/pure";
import { hex8 } from "../../core/random";

/**
 * The namespace of iopkit's FHIR ids: the version-5 UUID of the URL `https://iopkit.dev/fhir` in
 * RFC 9562's URL namespace (`6ba7b811-9dad-11d1-80b4-00c04fd430c8`).
 */
export const fhirIdNamespace = "231892c7-c350-5eed-9fde-2c78b61fe95b";

/** Writes the UTF-8 bytes of `text` at `at`; a lone surrogate becomes U+FFFD, as `TextEncoder` does. Returns the end. */
function utf8(text: string, out: Uint8Array, at: number): number {
  let n = at;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
    if (c < 0x80) out[n++] = c;
    else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    } else {
      out[n++] = 0xf0 | (c >> 18);
      out[n++] = 0x80 | ((c >> 12) & 63);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return n;
}

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/**
 * SHA-1 (FIPS 180-4) of `namespace`'s 16 bytes followed by `name` in UTF-8: the first four 32-bit
 * words of the digest (a UUID needs 128 bits).
 */
function sha1(namespace: readonly number[], name: string): number[] {
  // At most 3 bytes per UTF-16 code unit; room for the 0x80 byte and the 64-bit length.
  const buffer = new Uint8Array((((16 + name.length * 3 + 8) >> 6) + 1) * 64);
  buffer.set(namespace);
  const length = utf8(name, buffer, 16);
  buffer[length] = 0x80;
  const blocks = ((length + 8) >> 6) + 1;
  const view = new DataView(buffer.buffer);
  view.setUint32(blocks * 64 - 8, Math.floor(length / 0x20000000));
  view.setUint32(blocks * 64 - 4, (length * 8) >>> 0);
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  const w = new Int32Array(80);
  for (let off = 0; off < blocks * 64; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getInt32(off + i * 4);
    for (let i = 16; i < 80; i++)
      w[i] = rotl((w[i - 3] ?? 0) ^ (w[i - 8] ?? 0) ^ (w[i - 14] ?? 0) ^ (w[i - 16] ?? 0), 1);
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      const f =
        i < 20
          ? ((b & c) | (~b & d)) + 0x5a827999
          : i < 40
            ? (b ^ c ^ d) + 0x6ed9eba1
            : i < 60
              ? ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc
              : (b ^ c ^ d) + 0xca62c1d6;
      const t = (rotl(a, 5) + f + e + (w[i] ?? 0)) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  return [h0, h1, h2, h3];
}

/** The bytes of a UUID string. */
const uuidBytes = (uuid: string): number[] => {
  const hex = uuid.replace(/-/g, "");
  const out: number[] = [];
  for (let i = 0; i < 32; i += 2) out.push(parseInt(hex.slice(i, i + 2), 16));
  return out;
};

/** The RFC 9562 version-5 UUID of `name` in a namespace given as its 16 bytes. */
function uuidV5(namespace: readonly number[], name: string): string {
  const [a = 0, b = 0, c = 0, d = 0] = sha1(namespace, name);
  const x =
    hex8(a) + hex8((b & 0xffff0fff) | 0x5000) + hex8((c & 0x3fffffff) | 0x80000000) + hex8(d);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const namespaceBytes: readonly number[] = /* @__PURE__ */ pure(() => uuidBytes(fhirIdNamespace));

/**
 * The id `toFhirBundle` gives a resource: the version-5 UUID (RFC 9562, SHA-1) of
 * `` `${resourceType}|${system}|${value}` `` in the namespace {@link fhirIdNamespace}, where
 * `system` and `value` are the resource's primary identifier. The entry's `fullUrl` is
 * `urn:uuid:` + this id. Any UUID library computes the same, e.g. in JavaScript
 * `v5("Patient|https://iopkit.dev/fhir/identifier/participant|p-001", fhirIdNamespace)` with the
 * `uuid` package, so an app can reference iopkit's resources from its own.
 *
 * @param resourceType - e.g. `"Patient"`.
 * @param system - the identifier system, e.g. `fhirIdentifierSystems.participant`.
 * @param value - the identifier value, e.g. the participant id.
 * @example
 * ```ts
 * fhirResourceId("Patient", fhirIdentifierSystems.participant, "p-001"); // a UUID, the same every time
 * ```
 */
export function fhirResourceId(resourceType: string, system: string, value: string): string {
  return uuidV5(namespaceBytes, `${resourceType}|${system}|${value}`);
}
