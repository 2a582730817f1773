// Kazakhstan's 12-digit individual (IIN) and business (BIN) identification numbers share one checksum:
// weights 1..11 modulo 11; a result of 10 is retried with weights 3..11,1,2; a second 10 is invalid.
const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function weightedMod11(digits: number[], weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += digits[i]! * weights[i]!;
  return sum % 11;
}

export function kzControlDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  let control = weightedMod11(digits, FIRST_WEIGHTS);
  if (control === 10) control = weightedMod11(digits, SECOND_WEIGHTS);
  return control === 10 ? null : control;
}

export function hasValidKzChecksum(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const control = kzControlDigit(value.slice(0, 11));
  return control !== null && control === Number(value[11]);
}

/** An IIN also encodes a birth date (YYMMDD) and a century/sex digit 1–6. */
export function isValidIin(value: string): boolean {
  if (!hasValidKzChecksum(value)) return false;
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const centurySex = Number(value[6]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && centurySex >= 0 && centurySex <= 6;
}

/** A BIN encodes registration year and month (YYMM) and an entity type digit 4–6 in position 5. */
export function isValidBin(value: string): boolean {
  if (!hasValidKzChecksum(value)) return false;
  const month = Number(value.slice(2, 4));
  const entityType = Number(value[4]);
  return month >= 1 && month <= 12 && entityType >= 4 && entityType <= 6;
}

export function isValidIinOrBin(value: string): boolean {
  return isValidIin(value) || isValidBin(value);
}
