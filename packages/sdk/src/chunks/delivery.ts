// The delivery chunk (dist/sonde-delivery.js): the outbox, its store, transport and sender lock,
// and the usage context of its events; loaded once there is something to send.
export { collectContext } from '../context/collectContext'
export { startDelivery } from '../delivery/startDelivery'
