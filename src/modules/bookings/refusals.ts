// The refusals of a booking, each with its own stable code: a client offers another
// class, another time or a credit pack depending on which it is.
import { ErrorCode, gatewayError } from '../../errors';

export const classFull = (capacity: number) => gatewayError(ErrorCode.CLASS_FULL, `the class is full: all ${capacity} places are taken`, { capacity });

export const slotTaken = () => gatewayError(ErrorCode.SLOT_TAKEN, 'the provider is booked at some of that time: choose another of availableSlots');

export const outsideAvailability = (why: string) => gatewayError(ErrorCode.OUTSIDE_AVAILABILITY, why);

export const insufficientCredits = (needed: number, balance: number) =>
  gatewayError(ErrorCode.INSUFFICIENT_CREDITS, `the booking takes ${needed} credits and the customer has ${balance}`, { needed, balance });
