/** The smallest Lambda handler: stacks under test bundle it when their code does not matter. */
export const handler = async () => ({ statusCode: 200, body: 'pong' });
