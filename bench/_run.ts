import { deliveryBench } from './delivery.js';
console.log(await deliveryBench({ quick: true, log: console.log }));
