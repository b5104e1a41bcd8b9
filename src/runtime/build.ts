// What the build stamped into the bundle (webpack's DefinePlugin): the add-in's
// version, which manifest it was built for, and the custom-functions namespace.
// Outside webpack (jest, the benchmark) the constant does not exist.
declare const __CPD_BUILD__: { version: string; env: 'production' | 'development'; namespace: string } | undefined;

export const BUILD: { version: string; env: 'production' | 'development' | 'source'; namespace: string } =
  typeof __CPD_BUILD__ !== 'undefined' ? __CPD_BUILD__ : { version: '0.0.0.0', env: 'source', namespace: 'CPD' };
