// Event ids: Gridledger mints ULIDs, EventStoreDB accepts only UUIDs. Both are 128-bit numbers,
// so a canonical ULID and a UUID map to each other one-to-one, without a lookup table.

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/i;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DIGIT = new Map<string, bigint>(
  [...CROCKFORD].flatMap((c, i) => [
    [c, BigInt(i)],
    [c.toLowerCase(), BigInt(i)],
  ]),
);

/** True for a ULID: 26 Crockford base-32 characters (either case) within 128 bits. */
export const isUlid = (id: string): boolean => ULID_PATTERN.test(id);

/** True for a UUID in its 8-4-4-4-12 hexadecimal form (any version, either case). */
export const isUuid = (id: string): boolean => UUID_PATTERN.test(id);

/** The UUID (lower-case 8-4-4-4-12) holding the same 128 bits as `ulid`. */
export function ulidToUuid(ulid: string): string {
  if (!isUlid(ulid)) throw new RangeError(`'${ulid}' is not a ULID`);
  let value = 0n;
  for (const char of ulid) value = (value << 5n) | (DIGIT.get(char) as bigint);
  const hex = value.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The canonical (upper-case) ULID holding the same 128 bits as `uuid`. */
export function uuidToUlid(uuid: string): string {
  if (!isUuid(uuid)) throw new RangeError(`'${uuid}' is not a UUID`);
  let value = BigInt(`0x${uuid.replaceAll('-', '')}`);
  let ulid = '';
  for (let i = 0; i < 26; i++) {
    ulid = CROCKFORD.charAt(Number(value & 31n)) + ulid;
    value >>= 5n;
  }
  return ulid;
}
