// keytar stores secrets in the OS keychain; our tooling never asks for one.
const none = async () => null;
module.exports = {
  getPassword: none,
  setPassword: async () => undefined,
  deletePassword: async () => false,
  findCredentials: async () => [],
  findPassword: none,
};
