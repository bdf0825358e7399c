package dev.custos.examples.bank;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** A small bank whose front end calls it with Custos customer tokens. */
@SpringBootApplication
@EnableMethodSecurity
public class BankApplication {
  /**
   * Starts the bank.
   *
   * @param args Spring Boot's arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(BankApplication.class, args);
  }
}
