// Money on the finance pages. The API answers amounts as JSON numbers at the currency's minor unit and
// takes them the same way; the pages only format them for reading and check what is typed before sending.

/** How many decimals a currency has (CHF 2, JPY 0), as the API rounds to. */
export function fractionDigits(currency) {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch {
    return 2;
  }
}

/** An amount as the user's language writes it, with the currency's decimals (40,000.00 in English). */
export function formatMoney(value, currency, language) {
  if (value === null || value === undefined || value === '') return '';
  const digits = fractionDigits(currency);
  return new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Number(value));
}

/** A per-cent share or rate, up to six decimals as the API keeps them. */
export function formatDecimal(value, language, minimumFractionDigits = 0) {
  if (value === null || value === undefined || value === '') return '';
  return new Intl.NumberFormat(language, { minimumFractionDigits, maximumFractionDigits: 6 }).format(Number(value));
}

// Typed amounts are plain decimals ("35000.50" or "35000,50"); thousands separators are not accepted,
// so "1,000" can never be read as one.
const DECIMAL = /^-?\d+(?:[.,]\d+)?$/;

/**
 * The number typed, or null when it is not a plain decimal. A JSON number keeps every digit of an
 * amount below 10^13 with two decimals, so the server receives exactly what was typed.
 */
export function parseDecimal(text) {
  const trimmed = String(text ?? '').trim();
  if (!DECIMAL.test(trimmed)) return null;
  return Number(trimmed.replace(',', '.'));
}

/** This year, the default of every year field. */
export function currentYear() {
  return new Date().getFullYear();
}
