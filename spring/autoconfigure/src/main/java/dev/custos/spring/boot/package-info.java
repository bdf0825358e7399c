/**
 * Spring Boot auto-configuration of Custos: {@link dev.custos.spring.boot.CustosProperties} ({@code
 * custos.*}) and one auto-configuration per concern, each bean replaceable by the host's own.
 */
package dev.custos.spring.boot;
