/** Card numbers: the checks a payment provider would make, and the test card it always declines. */

/** The test card that is always declined (as payment providers' test cards are), to show the compensation path. */
export const DECLINED_TEST_CARD = '4000000000000002';

/** 12 to 19 digits with a valid Luhn check digit. */
export function isValidCardNumber(cardNumber: string): boolean {
  if (!/^\d{12,19}$/.test(cardNumber)) return false;
  let sum = 0;
  for (let i = 0; i < cardNumber.length; i++) {
    let digit = Number(cardNumber[cardNumber.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The only part of a card number that is ever stored or logged. */
export function lastFour(cardNumber: string): string {
  return cardNumber.slice(-4);
}
