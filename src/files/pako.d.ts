// The part of pako 1.0 (JSZip's inflater, a dependency of ours pinned to the same version) the bounded
// inflater uses: a streaming raw inflate whose output arrives through onData.
declare module 'pako' {
  export class Inflate {
    constructor(options: { raw?: boolean; chunkSize?: number });
    push(data: Uint8Array, mode: boolean): boolean;
    onData: (chunk: Uint8Array) => void;
    onEnd: (status: number) => void;
    err: number;
    msg: string;
  }
  const pako: { Inflate: typeof Inflate };
  export default pako;
}
