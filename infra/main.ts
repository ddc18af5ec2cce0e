/**
 * The CDKTF app of `npm run synth` / `npm run deploy`: examples/items behind an HTTP API.
 * Set GANTRY_ALARM_EMAIL to have the alarms e-mailed.
 */
import { App } from 'cdktf';
import { ServiceStack } from 'gantry/infra';

const app = new App();
new ServiceStack(app, 'gantry-items', {
  function: { entry: 'examples/items/handler.ts', service: 'items' },
  alarmEmail: process.env.GANTRY_ALARM_EMAIL || undefined,
});
app.synth();
