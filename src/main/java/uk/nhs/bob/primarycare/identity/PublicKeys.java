package uk.nhs.bob.primarycare.identity;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Public keys that API clients upload to sign their client assertions with: a PEM {@code PUBLIC KEY} (what
 * {@code openssl rsa -pubout} or {@code openssl ec -pubout} writes) or a JWK, RSA of 2048 bits or more or EC on
 * P-256, P-384 or P-521. Stored as a public JWK whose id is its RFC 7638 thumbprint unless it has one. A private key
 * is refused, so it is never stored.
 */
final class PublicKeys {

	static final int MIN_RSA_BITS = 2048;

	private PublicKeys() {
	}

	/** A key that cannot be used, with the reason in words for the administrator. */
	static class UnusableKey extends Exception {

		UnusableKey(String message) {
			super(message);
		}

	}

	/** The key as a public JWK (JSON) and its id. */
	record Parsed(String jwk, String keyId) {
	}

	static Parsed parse(String text) throws UnusableKey {
		String trimmed = text.trim();
		if (trimmed.length() > 10_000) {
			throw new UnusableKey("The key is too long: paste one public key");
		}
		if (trimmed.contains("PRIVATE KEY") || trimmed.contains("\"d\"")) {
			throw new UnusableKey("This is a private key. Paste the public key only (openssl rsa -in key.pem -pubout); "
					+ "keep the private key on the client system, and make a new key pair now that it has been shared");
		}
		JWK jwk;
		if (trimmed.startsWith("{")) {
			try {
				jwk = JWK.parse(trimmed);
			}
			catch (ParseException ex) {
				throw new UnusableKey("This is not a JSON Web Key (JWK) or a PEM public key");
			}
		}
		else {
			jwk = fromPem(trimmed);
		}
		if (jwk.isPrivate()) {
			throw new UnusableKey("This is a private key. Paste the public key only");
		}
		check(jwk);
		try {
			String keyId = jwk.getKeyID() != null ? jwk.getKeyID() : jwk.computeThumbprint().toString();
			JWK stored;
			if (jwk instanceof RSAKey rsa) {
				stored = new RSAKey.Builder(rsa).keyID(keyId).keyUse(KeyUse.SIGNATURE).build();
			}
			else if (jwk instanceof ECKey ec) {
				stored = new ECKey.Builder(ec).keyID(keyId).keyUse(KeyUse.SIGNATURE).build();
			}
			else {
				throw new UnusableKey("Only RSA and EC keys are accepted");
			}
			return new Parsed(stored.toJSONString(), keyId);
		}
		catch (JOSEException ex) {
			throw new UnusableKey("The key cannot be read");
		}
	}

	/** The id of a stored JWK, for display. */
	static String keyId(String jwk) {
		try {
			JWK parsed = JWK.parse(jwk);
			return parsed.getKeyID() == null ? "" : parsed.getKeyID();
		}
		catch (ParseException ex) {
			return "";
		}
	}

	private static JWK fromPem(String pem) throws UnusableKey {
		if (!pem.startsWith("-----BEGIN PUBLIC KEY-----") || !pem.endsWith("-----END PUBLIC KEY-----")) {
			throw new UnusableKey("Paste a PEM public key (from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----) "
					+ "or a JSON Web Key");
		}
		byte[] der;
		try {
			der = Base64.getMimeDecoder()
				.decode(pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""));
		}
		catch (IllegalArgumentException ex) {
			throw new UnusableKey("The PEM key is damaged: paste it again, whole");
		}
		for (String algorithm : new String[] { "RSA", "EC" }) {
			try {
				PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
				if (key instanceof RSAPublicKey rsa) {
					return new RSAKey.Builder(rsa).build();
				}
				if (key instanceof ECPublicKey ec) {
					return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
				}
			}
			catch (InvalidKeySpecException | NoSuchAlgorithmException | IllegalArgumentException
					| NullPointerException ex) {
				// not a key of this algorithm: try the next
			}
		}
		throw new UnusableKey("The PEM key is not an RSA or EC public key");
	}

	private static void check(JWK jwk) throws UnusableKey {
		if (jwk instanceof RSAKey rsa) {
			if (rsa.size() < MIN_RSA_BITS) {
				throw new UnusableKey("RSA keys must be " + MIN_RSA_BITS + " bits or more; this one is " + rsa.size());
			}
			return;
		}
		if (jwk instanceof ECKey ec) {
			if (!(Curve.P_256.equals(ec.getCurve()) || Curve.P_384.equals(ec.getCurve())
					|| Curve.P_521.equals(ec.getCurve()))) {
				throw new UnusableKey("EC keys must be on the P-256, P-384 or P-521 curve");
			}
			return;
		}
		throw new UnusableKey("Only RSA and EC keys are accepted");
	}

}
