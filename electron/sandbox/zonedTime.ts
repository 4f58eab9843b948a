/**
 * "Y-m-d H:i:s" wall-clock text in a time zone, both ways: the form RetailCRM prints its account
 * time in and UAPAY's `payExpiresAt` takes. The fakes keep their own copy of what the core does in
 * electron/core/kyivTime.ts on purpose: a fake that shared the client's code could not catch the
 * client's mistakes.
 *
 * Fast enough for 20,000 back-dated orders: Intl is asked once per zone and quarter hour (every
 * zone's offset changes on a quarter hour of UTC), not once per date.
 */
const SLOT_MS = 15 * 60_000;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export class ZonedTime {
  private readonly offsets = new Map<number, number>();
  private readonly format: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  }

  /** Epoch ms → "YYYY-MM-DD HH:MM:SS" in the zone. */
  print(epochMs: number): string {
    return new Date(epochMs + this.offsetAt(epochMs)).toISOString().slice(0, 19).replace('T', ' ');
  }

  /** "YYYY-MM-DD HH:MM:SS" in the zone → epoch ms, or undefined when it is not a real date-time. */
  parse(text: string): number | undefined {
    const match = WALL_CLOCK.exec(text);
    if (!match) return undefined;
    const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
    const check = new Date(asUtc);
    if (
      check.getUTCFullYear() !== year ||
      check.getUTCMonth() !== month - 1 ||
      check.getUTCDate() !== day ||
      check.getUTCHours() !== hour ||
      check.getUTCMinutes() !== minute ||
      check.getUTCSeconds() !== second
    ) {
      return undefined;
    }
    // Two passes settle the zone offset around a daylight-saving change.
    const guess = asUtc - this.offsetAt(asUtc);
    return asUtc - this.offsetAt(guess);
  }

  private offsetAt(epochMs: number): number {
    const slot = Math.floor(epochMs / SLOT_MS);
    let offset = this.offsets.get(slot);
    if (offset === undefined) {
      const name = this.format
        .formatToParts(slot * SLOT_MS)
        .find((part) => part.type === 'timeZoneName')?.value;
      const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
      offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
      this.offsets.set(slot, offset);
    }
    return offset;
  }
}
