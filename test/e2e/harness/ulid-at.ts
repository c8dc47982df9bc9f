/** A ULID from a time and a counter (the schema wants Crockford base32; ordering is all that matters here). */
export function ulidAt(ms: number, n: number): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let time = '';
  for (let t = ms, i = 0; i < 10; i++, t = Math.floor(t / 32)) time = alphabet[t % 32] + time;
  let rand = '';
  for (let r = n, i = 0; i < 16; i++, r = Math.floor(r / 32)) rand = alphabet[r % 32] + rand;
  return time + rand;
}
