// Identity numbers for PII-guard tests, built at test time: no file holds a literal that looks real.

/** Luhn check digit over the 9 digits YYMMDDNNN, as used by Swedish identity numbers. */
export function luhnDigit(nineDigits: string): string {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let v = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Identity number with a correct check digit: pnr('900101', '123', '-') or with a century. */
export function pnr(yymmdd: string, serial: string, sep = '', century = ''): string {
  return century + yymmdd + sep + serial + luhnDigit(yymmdd + serial);
}
