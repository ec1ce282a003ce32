package org.secretariat.meetings.impl.service;

import java.util.Comparator;

/** Orders "2" before "10" and "2(a)" before "2(b)": runs of digits compare as numbers. */
final class NaturalOrder implements Comparator<String> {

    static final NaturalOrder INSTANCE = new NaturalOrder();

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int startI = i;
                int startJ = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int byNumber = new java.math.BigInteger(a.substring(startI, i)).compareTo(new java.math.BigInteger(b.substring(startJ, j)));
                if (byNumber != 0) {
                    return byNumber;
                }
            } else {
                if (x != y) {
                    return Character.compare(Character.toLowerCase(x), Character.toLowerCase(y));
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
