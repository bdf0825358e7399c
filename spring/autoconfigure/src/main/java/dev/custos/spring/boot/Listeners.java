package dev.custos.spring.boot;

import dev.custos.authz.AuthorizationListener;
import dev.custos.customer.CustomerTokenListener;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Every listener bean heard as one (the host's own and the metrics binding's), in bean order; one
 * that throws does not keep the others from hearing.
 */
final class Listeners {
  private Listeners() {}

  static AuthorizationListener authorization(ObjectProvider<AuthorizationListener> beans) {
    List<AuthorizationListener> all = beans.orderedStream().toList();
    if (all.isEmpty()) {
      return null;
    }
    return denial -> {
      for (AuthorizationListener listener : all) {
        try {
          listener.denied(denial);
        } catch (RuntimeException e) {
          // A listener's fault must not change who is let in, nor silence the next one.
        }
      }
    };
  }

  static CustomerTokenListener tokens(ObjectProvider<CustomerTokenListener> beans) {
    List<CustomerTokenListener> all = beans.orderedStream().toList();
    if (all.isEmpty()) {
      return null;
    }
    return new CustomerTokenListener() {
      @Override
      public void minted(boolean twoFactor) {
        minted(twoFactor, Optional.empty());
      }

      @Override
      public void minted(boolean twoFactor, Optional<String> authorizedUser) {
        for (CustomerTokenListener listener : all) {
          try {
            listener.minted(twoFactor, authorizedUser);
          } catch (RuntimeException e) {
            // As above: minting has happened; a listener cannot undo it.
          }
        }
      }
    };
  }
}
