/**
 * The currencies a price book may hold: ISO 4217 codes whose minor unit is two decimals (every
 * amount in Trueup is integer cents, `parseMinor(text, 2)`). Currencies with other minor units
 * (JPY and KRW: none; BHD, KWD, OMR, TND: three) are left out on purpose: their amounts would
 * be misread by a factor of 100 or 10, so they are refused rather than stored wrong. The GraphQL
 * `CurrencyCode` enum is built from this list; add a code here (with its English name) to allow it.
 */
export const CURRENCIES = [
  { code: 'AED', name: 'UAE dirham' },
  { code: 'ARS', name: 'Argentine peso' },
  { code: 'AUD', name: 'Australian dollar' },
  { code: 'BGN', name: 'Bulgarian lev' },
  { code: 'BRL', name: 'Brazilian real' },
  { code: 'CAD', name: 'Canadian dollar' },
  { code: 'CHF', name: 'Swiss franc' },
  { code: 'CNY', name: 'Chinese yuan renminbi' },
  { code: 'COP', name: 'Colombian peso' },
  { code: 'CZK', name: 'Czech koruna' },
  { code: 'DKK', name: 'Danish krone' },
  { code: 'EGP', name: 'Egyptian pound' },
  { code: 'EUR', name: 'Euro' },
  { code: 'GBP', name: 'Pound sterling' },
  { code: 'HKD', name: 'Hong Kong dollar' },
  { code: 'HUF', name: 'Hungarian forint' },
  { code: 'IDR', name: 'Indonesian rupiah' },
  { code: 'ILS', name: 'Israeli new shekel' },
  { code: 'INR', name: 'Indian rupee' },
  { code: 'MXN', name: 'Mexican peso' },
  { code: 'MYR', name: 'Malaysian ringgit' },
  { code: 'NOK', name: 'Norwegian krone' },
  { code: 'NZD', name: 'New Zealand dollar' },
  { code: 'PHP', name: 'Philippine peso' },
  { code: 'PLN', name: 'Polish zloty' },
  { code: 'QAR', name: 'Qatari riyal' },
  { code: 'RON', name: 'Romanian leu' },
  { code: 'SAR', name: 'Saudi riyal' },
  { code: 'SEK', name: 'Swedish krona' },
  { code: 'SGD', name: 'Singapore dollar' },
  { code: 'THB', name: 'Thai baht' },
  { code: 'TRY', name: 'Turkish lira' },
  { code: 'TWD', name: 'New Taiwan dollar' },
  { code: 'USD', name: 'US dollar' },
  { code: 'ZAR', name: 'South African rand' },
] as const;

/** A currency code the price book accepts. */
export type CurrencyCode = (typeof CURRENCIES)[number]['code'];

const CODES: ReadonlySet<string> = new Set(CURRENCIES.map((c) => c.code));

/** Whether `text` is a code of {@link CURRENCIES} (upper case, as stored). */
export const isCurrency = (text: string): text is CurrencyCode => CODES.has(text);
