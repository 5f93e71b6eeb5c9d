// The only environment the conformance runner reads: a Node 22+ binary to run the suite with, if one is at hand.
export const CONFORMANCE_NODE: string | undefined = process.env.CONFORMANCE_NODE || undefined;
