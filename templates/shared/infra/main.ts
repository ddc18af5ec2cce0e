/**
 * The CDKTF app of `npm run synth` and `npm run deploy`: the function, an HTTP API in front of it,
 * its log group, X-Ray tracing, a CloudWatch dashboard and alarms (e-mailed to ALARM_EMAIL).
 */
import { App } from 'cdktf';
import { ServiceStack } from 'gantry/infra';

const app = new App();
new ServiceStack(app, 'my-service', {
  function: { entry: 'src/handler.ts', service: 'my-service' },
  alarmEmail: process.env.ALARM_EMAIL || undefined,
});
app.synth();
