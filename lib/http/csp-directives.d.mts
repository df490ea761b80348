/** The whole Content-Security-Policy with the given script-src sources, e.g. "'self'". */
export function contentSecurityPolicy(scriptSources: string): string;
