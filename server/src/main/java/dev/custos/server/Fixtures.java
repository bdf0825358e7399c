package dev.custos.server;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.custos.customer.AuthorizedUser;
import dev.custos.customer.CardDirectory;
import dev.custos.customer.Customer;
import dev.custos.customer.CustomerDirectory;
import dev.custos.otp.Phone;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The sandbox's customers, accounts and cards, read from a JSON file. */
final class Fixtures {
  /** A deposit account, as the sample resources show it. */
  record Account(String id, String customerId, Map<String, Object> attributes) {}

  /** A debit card, as the sample resources show it. */
  record Card(
      String id,
      String type,
      String accountId,
      String customerId,
      Map<String, Object> attributes) {}

  /** A customer's public profile, for GET /customers/{id}. */
  record Profile(String id, String type, Map<String, Object> attributes) {}

  private final Map<String, Customer> customers = new ConcurrentHashMap<>();
  final CustomerDirectory directory = id -> Optional.ofNullable(customers.get(id));
  final Map<String, Profile> profiles = new LinkedHashMap<>();
  final Map<String, Account> accounts = new LinkedHashMap<>();
  final List<Card> cards = new CopyOnWriteArrayList<>();

  /** Every customer's and authorized user's {@code jwtSubject}. */
  final Set<String> jwtSubjects = new LinkedHashSet<>();

  /** The cards as cardholder tokens see them: a card's own phone, if it has one, gets its codes. */
  final CardDirectory cardDirectory =
      id -> cards.stream().filter(c -> c.id().equals(id)).findFirst().map(Fixtures::cardholder);

  private static dev.custos.customer.Card cardholder(Card c) {
    dev.custos.customer.Card card =
        dev.custos.customer.Card.of(c.id(), c.accountId(), c.customerId());
    if (c.attributes().get("phone") instanceof Map<?, ?> phone
        && phone.get("countryCode") instanceof String countryCode
        && phone.get("number") instanceof String number) {
      card = card.withPhone(Phone.of(countryCode, number));
    }
    return "Active".equals(c.attributes().get("status")) ? card : card.inactive();
  }

  static Fixtures builtIn() throws IOException {
    try (InputStream in = Fixtures.class.getResourceAsStream("fixtures.json")) {
      if (in == null) {
        throw new IOException("built-in fixtures.json is missing");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in fixtures");
    }
  }

  static Fixtures load(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  private static Fixtures parse(String json, String source) throws IOException {
    try {
      Fixtures fixtures = new Fixtures();
      Map<String, Object> root = JSONObjectUtils.parse(json);
      for (Map<String, Object> c : list(root, "customers")) {
        String id = string(c, "id");
        Phone phone = phone(JSONObjectUtils.getJSONObject(c, "phone"));
        String type = string(c, "type");
        Customer customer;
        // The identity provider's subjects (jwtSubject) of the customer and its authorized users.
        List<String> subjects = new ArrayList<>();
        if (c.get("jwtSubject") instanceof String subject) {
          subjects.add(subject);
        }
        if (type.equals("individual")) {
          customer = Customer.individual(id, phone);
        } else if (type.equals("business")) {
          // Each authorized user by its id, so a token can be bound to one of them.
          List<AuthorizedUser> users = new ArrayList<>();
          for (Map<String, Object> user : list(c, "authorizedUsers")) {
            AuthorizedUser au =
                AuthorizedUser.of(
                    string(user, "id"), phone(JSONObjectUtils.getJSONObject(user, "phone")));
            if (user.get("jwtSubject") instanceof String subject) {
              au = au.withJwtSubject(subject);
              fixtures.jwtSubjects.add(subject);
            }
            users.add(au);
          }
          customer =
              Customer.business(id, phone, List.of())
                  .withAuthorizedUsers(users.toArray(new AuthorizedUser[0]));
        } else {
          throw new IOException(source + ": customer " + id + " has unknown type " + type);
        }
        customer = customer.withJwtSubjects(subjects.toArray(new String[0]));
        fixtures.jwtSubjects.addAll(subjects);
        fixtures.customers.put(
            id, Boolean.FALSE.equals(c.get("active")) ? customer.inactive() : customer);
        // The customer's document as Unit shows it (fullName, createdAt, address, …), as given.
        Map<String, Object> given = JSONObjectUtils.getJSONObject(c, "attributes");
        Map<String, Object> attributes =
            given == null ? new LinkedHashMap<>() : new LinkedHashMap<>(given);
        fixtures.profiles.put(id, new Profile(id, type + "Customer", attributes));
      }
      for (Map<String, Object> a : list(root, "accounts")) {
        Map<String, Object> attributes = new LinkedHashMap<>(a);
        attributes.remove("id");
        attributes.remove("customerId");
        fixtures.accounts.put(
            string(a, "id"), new Account(string(a, "id"), string(a, "customerId"), attributes));
      }
      for (Map<String, Object> c : list(root, "cards")) {
        Map<String, Object> attributes = new LinkedHashMap<>(c);
        for (String key : List.of("id", "type", "accountId", "customerId")) {
          attributes.remove(key);
        }
        fixtures.cards.add(
            new Card(
                string(c, "id"),
                string(c, "type"),
                string(c, "accountId"),
                string(c, "customerId"),
                attributes));
      }
      return fixtures;
    } catch (ParseException | RuntimeException e) {
      throw new IOException(source + " is not valid fixtures JSON: " + e.getMessage(), e);
    }
  }

  private static List<Map<String, Object>> list(Map<String, Object> parent, String name)
      throws ParseException {
    Map<String, Object>[] items = JSONObjectUtils.getJSONObjectArray(parent, name);
    return items == null ? List.of() : List.of(items);
  }

  private static String string(Map<String, Object> object, String name) throws ParseException {
    String value = JSONObjectUtils.getString(object, name);
    if (value == null) {
      throw new ParseException(name + " is required", 0);
    }
    return value;
  }

  private static Phone phone(Map<String, Object> phone) throws ParseException {
    if (phone == null) {
      throw new ParseException("phone is required", 0);
    }
    return Phone.of(string(phone, "countryCode"), string(phone, "number"));
  }
}
