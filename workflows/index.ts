/** The reference app's orchestrations: what `sagaflow compile` builds when given no module. */
export { OrderSaga } from './order-saga';
export { FanOut } from './fan-out';
export { Approval } from './approval';
export { Monitor } from './monitor';
