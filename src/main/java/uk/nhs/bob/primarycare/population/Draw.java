package uk.nhs.bob.primarycare.population;

import java.util.SplittableRandom;

/** Random draws for the synthetic population. */
final class Draw {

	private Draw() {
	}

	/** An index chosen with the given (unnormalised) weights. */
	static int weighted(SplittableRandom random, double[] weights) {
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		double x = random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			x -= weights[i];
			if (x < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	static double gaussian(SplittableRandom random, double mean, double sd) {
		// Box-Muller; SplittableRandom has no nextGaussian on Java 17
		double u1 = 1.0 - random.nextDouble();
		double u2 = random.nextDouble();
		return mean + sd * Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
	}

	static boolean chance(SplittableRandom random, double probability) {
		return random.nextDouble() < probability;
	}

	static int poisson(SplittableRandom random, double mean) {
		double limit = Math.exp(-mean);
		double product = random.nextDouble();
		int count = 0;
		while (product > limit) {
			product *= random.nextDouble();
			count++;
		}
		return count;
	}

	static <T> T pick(SplittableRandom random, T[] items) {
		return items[random.nextInt(items.length)];
	}

	static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

}
