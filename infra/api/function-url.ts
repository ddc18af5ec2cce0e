/**
 * A Lambda Function URL: IAM-authenticated unless public access is asked for explicitly, with
 * response streaming when asked for.
 */
import { LambdaFunctionUrl } from '@cdktf/provider-aws/lib/lambda-function-url/index.js';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission/index.js';
import { TerraformLocal } from 'cdktf';
import { Construct } from 'constructs';
import type { GantryFunction } from '../function/gantry-function.js';
import type { Cors } from './http-api.js';

/** Options of {@link GantryFunctionUrl}. */
export type GantryFunctionUrlProps = {
  function: GantryFunction;
  /**
   * `RESPONSE_STREAM` to stream responses (the handler must stream: Gantry's streaming routes
   * are not there yet, so keep `BUFFERED` for a Gantry handler today). Default `BUFFERED`.
   */
  invokeMode?: 'BUFFERED' | 'RESPONSE_STREAM';
  cors?: Cors;
} & (
  | { /** Default: callers sign their requests (SigV4). */ authType?: 'AWS_IAM' }
  | {
      /** Anyone on the internet may call the function. */
      authType: 'NONE';
      /** Why this function is public; recorded in the synthesized stack for review. */
      publicAccessReason: string;
    }
);

/** The name of the local that records a public Function URL in the synthesized stack. */
export const PUBLIC_URL_LOCAL_PREFIX = 'gantry_public_function_url_';

/**
 * A Function URL for a Gantry function.
 *
 * @example
 * ```ts
 * new GantryFunctionUrl(this, 'url', { function: fn, invokeMode: 'RESPONSE_STREAM' }); // IAM auth
 * new GantryFunctionUrl(this, 'public', { function: fn, authType: 'NONE', publicAccessReason: 'public webhook' });
 * ```
 */
export class GantryFunctionUrl extends Construct {
  readonly functionUrl: LambdaFunctionUrl;
  readonly url: string;

  constructor(scope: Construct, id: string, props: GantryFunctionUrlProps) {
    super(scope, id);
    const fn = props.function.function;
    const authType = props.authType ?? 'AWS_IAM';
    // Refused before anything is created: a caller that catches the error keeps no public URL.
    if (props.authType === 'NONE' && !props.publicAccessReason?.trim()) {
      throw new Error(
        'A Function URL with authType NONE needs a publicAccessReason: it is public to the internet',
      );
    }
    this.functionUrl = new LambdaFunctionUrl(this, 'url', {
      functionName: fn.functionName,
      authorizationType: authType,
      invokeMode: props.invokeMode ?? 'BUFFERED',
      cors: props.cors,
    });
    if (props.authType === 'NONE') {
      new TerraformLocal(
        this,
        `${PUBLIC_URL_LOCAL_PREFIX}${id}`,
        props.publicAccessReason,
      ).overrideLogicalId(`${PUBLIC_URL_LOCAL_PREFIX}${id}`);
      new LambdaPermission(this, 'public', {
        statementId: 'AllowPublicFunctionUrl',
        action: 'lambda:InvokeFunctionUrl',
        functionName: fn.functionName,
        principal: '*',
        functionUrlAuthType: 'NONE',
      });
    }
    this.url = this.functionUrl.functionUrl;
  }
}
