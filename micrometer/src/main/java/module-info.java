/**
 * Custos's metrics on Micrometer: {@link dev.custos.micrometer.CustosMetrics} binds the
 * authorizer's and the token service's listeners and the OTP engine's statistics to a registry.
 */
module dev.custos.micrometer {
  requires transitive dev.custos.core;
  requires transitive micrometer.core;

  exports dev.custos.micrometer;
}
