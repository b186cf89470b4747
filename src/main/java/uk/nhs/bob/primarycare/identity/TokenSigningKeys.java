package uk.nhs.bob.primarycare.identity;

import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA key that signs the platform's access tokens. It lives in PostgreSQL ({@code identity.token_signing_key}),
 * so every instance signs and checks with the same key and tokens survive a restart. The first instance to need it
 * creates it, holding a transaction-scoped advisory lock so that instances starting together agree on one key.
 */
@Component
class TokenSigningKeys {

	private static final Logger log = LoggerFactory.getLogger(TokenSigningKeys.class);

	/** Names the advisory lock taken while the key is read or created. */
	private static final long LOCK_ID = 0x6b6579L;

	static final int KEY_SIZE = 2048;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private volatile @Nullable RSAKey key;

	TokenSigningKeys(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** The signing key, private part included. */
	RSAKey signingKey() {
		RSAKey current = key;
		if (current == null) {
			synchronized (this) {
				current = key;
				if (current == null) {
					current = transaction.execute(status -> loadOrCreate());
					key = current;
				}
			}
		}
		return current;
	}

	private RSAKey loadOrCreate() {
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK_ID).query((rs, row) -> row).list();
		String stored = jdbc.sql("SELECT jwk FROM identity.token_signing_key ORDER BY created_at, key_id LIMIT 1")
			.query(String.class)
			.optional()
			.orElse(null);
		try {
			if (stored != null) {
				return RSAKey.parse(stored);
			}
			RSAKey generated = new RSAKeyGenerator(KEY_SIZE).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.generate();
			jdbc.sql("INSERT INTO identity.token_signing_key (key_id, jwk) VALUES (?, ?)")
				.params(generated.getKeyID(), generated.toJSONString())
				.update();
			log.info("Created the access-token signing key {}", generated.getKeyID());
			return generated;
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException("The stored access-token signing key cannot be read", ex);
		}
	}

}
